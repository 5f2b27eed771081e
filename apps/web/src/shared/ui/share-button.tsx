import { Trans } from '@lingui/react/macro';
import { useState } from 'react';

type Outcome = 'idle' | 'copied' | 'manual';

/** The absolute URL of a shared link (`/s/<storyId>`, `/m/<makerId>`) on this app's origin. */
export function shareUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}

/**
 * Shares a story or a maker by its shared link, whose page gives chat apps a preview: through the
 * system's share sheet (Web Share API) where there is one, else by copying the link to the
 * clipboard with a visible "Link copied"; where neither works, the link is shown to copy by hand.
 */
export function ShareButton({ path, title, noun }: { path: string; title: string; noun: 'story' | 'maker' }) {
  const [outcome, setOutcome] = useState<Outcome>('idle');
  const url = shareUrl(path);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setOutcome('copied');
    } catch {
      setOutcome('manual');
    }
  };

  const share = async () => {
    const data = { title, url };
    if (typeof navigator.share === 'function' && (navigator.canShare?.(data) ?? true)) {
      try {
        await navigator.share(data);
        return;
      } catch (err) {
        // The viewer closed the share sheet: nothing to do.
        if (err instanceof DOMException && err.name === 'AbortError') return;
      }
    }
    await copy();
  };

  return (
    <div className="row">
      <button type="button" className="btn btn-ghost btn-small" onClick={() => void share()}>
        {noun === 'story' ? <Trans>Share this story</Trans> : <Trans>Share this maker</Trans>}
      </button>
      {outcome === 'copied' && (
        <span role="status" className="subtle">
          <Trans>Link copied</Trans>
        </span>
      )}
      {outcome === 'manual' && (
        <label className="field">
          <span className="hint">
            <Trans>Copy this link</Trans>
          </span>
          <input className="input" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}
