import { Trans, useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import { useUserStatusMutation } from '../../shared/queries/admin/use-user-status-mutation';
import { TextField } from '../../shared/ui/field';
import { FormError } from '../../shared/ui/states';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Suspend (every session ends at once) or reinstate a user by id, with a reason for the audit log. */
export function UserSuspension() {
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');
  const change = useUserStatusMutation();
  const { t } = useLingui();
  const run = (action: 'suspend' | 'reinstate') => (event?: FormEvent) => {
    event?.preventDefault();
    change.mutate({ userId: userId.trim(), action, reason: reason.trim() || undefined });
  };
  const valid = UUID.test(userId.trim());
  const username = change.data?.username ?? '';
  /** What became of the account, said in full. */
  const changed = !change.isSuccess
    ? null
    : change.data.status === 'suspended'
      ? t`${username} is now suspended.`
      : change.data.status === 'active'
        ? t`${username} is now active.`
        : t`${username}’s account was updated.`;
  return (
    <form className="card stack" onSubmit={run('suspend')} aria-label={t`Suspend or reinstate a user`}>
      <TextField
        label={t`User id`}
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
        error={userId && !valid ? t`A user id looks like 8-4-4-4-12 hexadecimal characters.` : null}
      />
      <TextField
        label={t`Reason`}
        hint={t`Recorded in the audit log.`}
        value={reason}
        maxLength={1000}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormError error={change.error} />
      {changed && (
        <p role="status" className="alert alert-success">
          {changed}
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn btn-danger" disabled={!valid || change.isPending}>
          <Trans>Suspend</Trans>
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={!valid || change.isPending}
          onClick={() => run('reinstate')()}
        >
          <Trans>Reinstate</Trans>
        </button>
      </div>
    </form>
  );
}
