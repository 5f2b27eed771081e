import { Trans } from '@lingui/react/macro';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useDeleteAccountMutation } from '../../shared/queries/account/use-delete-account-mutation';
import { FormError } from '../../shared/ui/states';

/** What the person types to confirm: deleting an account cannot be undone. */
export const DELETE_CONFIRMATION = 'DELETE';

/** Deleting the account, behind a typed confirmation. */
export function DeleteAccount() {
  const remove = useDeleteAccountMutation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const fieldId = useId();
  const confirmed = typed.trim() === DELETE_CONFIRMATION;
  const word = DELETE_CONFIRMATION;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirmed) return;
    // The feed is shown before the session is forgotten, in the same render, so the account screen
    // never sends the person to sign in on their way out.
    remove.mutate(() => navigate('/', { replace: true, flushSync: true }));
  };

  if (!open) {
    return (
      <button type="button" className="btn btn-ghost btn-block" onClick={() => setOpen(true)}>
        <Trans>Delete my account</Trans>
      </button>
    );
  }
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${fieldId}-title`}>
      <h2 id={`${fieldId}-title`}>
        <Trans>Delete your account</Trans>
      </h2>
      <p>
        <Trans>
          Your personal data is erased and you are signed out on every device. Records of orders and auctions are kept,
          without your personal data, as the law requires. This cannot be undone.
        </Trans>
      </p>
      <div className="field">
        <label htmlFor={fieldId}>
          <Trans>Type {word} to confirm</Trans>
        </label>
        <input
          id={fieldId}
          className="input"
          autoComplete="off"
          autoCapitalize="characters"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      <FormError error={remove.error} />
      <button type="submit" className="btn btn-danger btn-block" disabled={!confirmed || remove.isPending}>
        <Trans>Delete my account for good</Trans>
      </button>
      <button type="button" className="btn btn-ghost btn-block" onClick={() => setOpen(false)}>
        <Trans>Keep my account</Trans>
      </button>
    </form>
  );
}
