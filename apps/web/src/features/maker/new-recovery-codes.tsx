import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState, type FormEvent } from 'react';
import { useRegenerateRecoveryCodesMutation } from '../../shared/queries/maker/use-regenerate-recovery-codes-mutation';
import { FormError } from '../../shared/ui/states';
import { RecoveryCodes } from './recovery-codes';

/** New recovery codes, replacing the old (used up, lost or seen by someone else), for a current code from the app. */
export function NewRecoveryCodes() {
  const id = useId();
  const regenerate = useRegenerateRecoveryCodesMutation();
  const [code, setCode] = useState('');
  const { t } = useLingui();

  if (regenerate.data) {
    return (
      <RecoveryCodes
        codes={regenerate.data.recoveryCodes}
        onDone={() => {
          regenerate.reset();
          setCode('');
        }}
      />
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{6}$/.test(code)) regenerate.mutate(code);
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <Trans>Recovery codes</Trans>
      </h2>
      <p className="muted">
        <Trans>Used up your recovery codes, or lost them? Get a new set: the old codes stop working at once.</Trans>
      </p>
      <div className="field">
        <label htmlFor={`${id}-code`}>
          <Trans>Code from the app</Trans>
        </label>
        <input
          id={`${id}-code`}
          className="input code-input"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
        />
      </div>
      <FormError error={regenerate.error} />
      <button type="submit" className="btn btn-secondary" disabled={regenerate.isPending || code.length !== 6}>
        {regenerate.isPending ? t`Checking…` : t`Get new recovery codes`}
      </button>
    </form>
  );
}
