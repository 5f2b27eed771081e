import { Trans, useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import { messageOf } from '../../shared/api/api-error';
import { useChangeUsernameMutation } from '../../shared/queries/account/use-change-username-mutation';
import { TextField } from '../../shared/ui/field';

/** The username, changed in place (3–30 letters, digits, "_" or "."; the server has the last word). */
export function UsernameForm({ username }: { username: string }) {
  const change = useChangeUsernameMutation();
  const { t } = useLingui();
  const [value, setValue] = useState(username);
  const changed = value.trim().toLowerCase() !== username;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed) change.mutate(value.trim());
  };

  const error = change.error ? messageOf(change.error) : null;
  return (
    <form className="row username-form" onSubmit={submit}>
      <TextField
        label={t`Username`}
        value={value}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={30}
        onChange={(e) => {
          setValue(e.target.value);
          change.reset();
        }}
        error={error}
      />
      <button type="submit" className="btn btn-secondary btn-small" disabled={!changed || change.isPending}>
        <Trans>Save</Trans>
      </button>
      {change.isSuccess && !changed && (
        <span className="visually-hidden" role="status">
          <Trans>Username saved</Trans>
        </span>
      )}
    </form>
  );
}
