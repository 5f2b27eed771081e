import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../shared/ui/states';

/** The second sign-in step with one of the recovery codes kept at enrolment, when the authenticator is not at hand. */
export function RecoveryCodeStep({
  pending,
  error,
  onSubmit,
  onBack,
}: {
  pending: boolean;
  error: unknown;
  onSubmit: (recoveryCode: string) => void;
  onBack: () => void;
}) {
  const id = useId();
  const [code, setCode] = useState('');
  const typed = code.trim();
  const { t } = useLingui();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed) onSubmit(typed);
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t`Use a recovery code`}>
      <h2>
        <Trans>Use a recovery code</Trans>
      </h2>
      <p className="muted">
        <Trans>
          Enter one of the recovery codes you saved when you turned on two-step verification. Each code works once.
        </Trans>
      </p>
      <div className="field">
        <label htmlFor={`${id}-code`}>
          <Trans>Recovery code</Trans>
        </label>
        <input
          id={`${id}-code`}
          className="input mono"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="xxxxx-xxxxx"
          maxLength={40}
          value={code}
          autoFocus
          aria-invalid={error ? true : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <FormError error={error} />
      <button type="submit" className="btn btn-primary btn-block" disabled={pending || !typed}>
        {pending ? t`Checking…` : t`Continue`}
      </button>
      <button type="button" className="btn btn-ghost" onClick={onBack}>
        <Trans>Use the authenticator app instead</Trans>
      </button>
    </form>
  );
}
