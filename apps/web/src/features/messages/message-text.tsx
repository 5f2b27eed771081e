import type { ReactNode } from 'react';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;

/**
 * A message's text, always rendered as text (never as HTML). Web addresses become links only when
 * the server allows it for this message (the sender's account is at least 7 days old); otherwise
 * they stay plain text, so fresh accounts cannot plant working links.
 */
export function MessageText({ text, linksAllowed }: { text: string; linksAllowed: boolean }) {
  if (!linksAllowed) return <span className="message-text">{text}</span>;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={match[0]} target="_blank" rel="nofollow noopener noreferrer ugc">
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <span className="message-text">{parts}</span>;
}
