import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { downloadBlob } from '../../shared/files/download';

export const RECOVERY_CODES_FILE = 'video-window-recovery-codes.txt';

/**
 * The account's recovery codes, shown once: each signs in once when the authenticator app is not
 * at hand. Copy them or download them as a text file; the server keeps only their hashes.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const { t } = useLingui();
  const heading = t`Video Window recovery codes (each works once)`;
  const text = `${heading}\n\n${codes.join('\n')}\n`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="card stack" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">
        <Trans>Save your recovery codes</Trans>
      </h2>
      <p className="muted">
        <Trans>
          If you lose your phone, each of these codes signs you in once instead of a code from the app. Keep them
          somewhere safe: they are shown only now.
        </Trans>
      </p>
      <ol className="recovery-codes mono" aria-label={t`Recovery codes`}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="row">
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void copy()}>
          <Trans>Copy codes</Trans>
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => downloadBlob(new Blob([text], { type: 'text/plain' }), RECOVERY_CODES_FILE)}
        >
          <Trans>Download codes</Trans>
        </button>
      </div>
      {copied && (
        <p className={copied === 'copied' ? 'subtle' : 'field-error'} role="status">
          {copied === 'copied' ? t`Copied.` : t`Copying is not allowed here; download the codes instead.`}
        </p>
      )}
      <button type="button" className="btn btn-primary btn-block" onClick={onDone}>
        <Trans>I have saved my codes</Trans>
      </button>
    </section>
  );
}
