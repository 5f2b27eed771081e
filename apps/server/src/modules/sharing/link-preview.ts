import { escapeHtml } from '../../platform/html';

/** What a chat app shows of a shared link: a card with a title, a line of text and a picture. */
export interface LinkPreview {
  title: string;
  description: string;
  /** Absolute URL of the app page the link opens (og:url and the canonical link). */
  url: string;
  /** Absolute URL of the picture, or null when there is none. */
  imageUrl: string | null;
  imageAlt: string;
  type: 'article' | 'profile';
}

const SITE_NAME = 'Video Window';
const DESCRIPTION_CHARS = 200;

/** Text on one line, cut at a word boundary to at most `max` characters with an ellipsis. */
export function oneLine(text: string, max = DESCRIPTION_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The Open Graph and Twitter card tags of a preview, every value escaped for an attribute. */
export function previewTags(preview: LinkPreview): string {
  const meta = (attr: 'property' | 'name', key: string, value: string) =>
    `<meta ${attr}="${key}" content="${escapeHtml(value)}" />`;
  const tags = [
    `<title>${escapeHtml(`${preview.title} · ${SITE_NAME}`)}</title>`,
    meta('name', 'description', preview.description),
    `<link rel="canonical" href="${escapeHtml(preview.url)}" />`,
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:type', preview.type),
    meta('property', 'og:title', preview.title),
    meta('property', 'og:description', preview.description),
    meta('property', 'og:url', preview.url),
    meta('name', 'twitter:card', preview.imageUrl ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', preview.title),
    meta('name', 'twitter:description', preview.description),
  ];
  if (preview.imageUrl) {
    tags.push(
      meta('property', 'og:image', preview.imageUrl),
      meta('property', 'og:image:alt', preview.imageAlt),
      meta('name', 'twitter:image', preview.imageUrl),
      meta('name', 'twitter:image:alt', preview.imageAlt),
    );
  }
  return tags.join('\n    ');
}

/**
 * The app's page with a preview's tags in its head (in place of the shell's own title and
 * description), so a crawler reads the card and a person's browser starts the app on the link.
 */
export function pageWithPreview(shell: string, preview: LinkPreview): string {
  const head = shell.replace(/<title>[\s\S]*?<\/title>\s*/i, '').replace(/<meta\s+name="description"[^>]*>\s*/i, '');
  const at = head.search(/<\/head>/i);
  if (at < 0) throw new Error('the app shell has no </head>');
  return `${head.slice(0, at)}  ${previewTags(preview)}\n  ${head.slice(at)}`;
}
