import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState, type FormEvent } from 'react';
import { useDevMailboxQuery } from '../../shared/queries/auth/use-dev-mailbox-query';
import { FormError } from '../../shared/ui/states';

/** The 6-digit code entry (with the development mailbox's code offered when there is one). */
export function CodeStep({
  destination,
  title,
  description,
  pending,
  error,
  onSubmit,
  onBack,
  showMailbox,
}: {
  destination: string;
  title: string;
  description: string;
  pending: boolean;
  error: unknown;
  onSubmit: (code: string) => void;
  onBack?: () => void;
  showMailbox: boolean;
}) {
  const id = useId();
  const [code, setCode] = useState('');
  const { t } = useLingui();
  const mailbox = useDevMailboxQuery(showMailbox ? destination : null);
  const latest = mailbox.data?.messages[0];
  const devCode = latest ? /\b(\d{6})\b/.exec(latest.text)?.[1] : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{6}$/.test(code)) onSubmit(code);
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <p className="muted">{description}</p>
      <div className="field">
        <label htmlFor={`${id}-code`}>
          <Trans>6-digit code</Trans>
        </label>
        <input
          id={`${id}-code`}
          className="input code-input"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          value={code}
          autoFocus
          aria-invalid={error ? true : undefined}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
        />
      </div>
      <FormError error={error} />
      <button type="submit" className="btn btn-primary btn-block" disabled={pending || code.length !== 6}>
        {pending ? t`Checking…` : t`Continue`}
      </button>
      {devCode && (
        <div className="alert alert-info" role="status">
          <div className="stack">
            <strong>
              <Trans>Development mailbox</Trans>
            </strong>
            <p>
              <Trans>
                Latest code for {destination}: <span className="mono">{devCode}</span>
              </Trans>
            </p>
            <div>
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setCode(devCode)}>
                <Trans>Use this code</Trans>
              </button>
            </div>
          </div>
        </div>
      )}
      {onBack && (
        <button type="button" className="btn btn-ghost" onClick={onBack}>
          {destination.includes('@') ? <Trans>Use a different email</Trans> : <Trans>Use a different number</Trans>}
        </button>
      )}
    </form>
  );
}
