import { Trans, useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useBecomeMakerMutation } from '../../shared/queries/maker/use-become-maker-mutation';
import { useViewer } from '../../shared/session/use-viewer';
import { TextAreaField, TextField } from '../../shared/ui/field';
import { FormError } from '../../shared/ui/states';

/** Opens a maker profile; the next step is the authenticator app (needed to accept bids and get paid). */
export default function BecomeMakerScreen() {
  const navigate = useNavigate();
  const viewer = useViewer();
  const become = useBecomeMakerMutation();
  const [displayName, setDisplayName] = useState('');
  const [bio, setBio] = useState('');
  const [city, setCity] = useState('');
  const [country, setCountry] = useState('');
  const { t } = useLingui();

  // Right after creating the profile the screen moves on to two-step verification; it does not flash
  // the "already a maker" page while the refreshed session arrives first.
  if (viewer.isMaker && !become.isSuccess) {
    return (
      <main id="main" className="page">
        <h1>
          <Trans>You are a maker</Trans>
        </h1>
        <p className="muted">
          <Trans>Your studio is ready.</Trans>
        </p>
        <Link className="btn btn-primary" to="/studio">
          <Trans>Open the studio</Trans>
        </Link>
        {!viewer.me?.totpEnabled && (
          <Link className="btn btn-secondary" to="/account/security">
            <Trans>Set up two-step verification</Trans>
          </Link>
        )}
      </main>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    become.mutate(
      {
        displayName: displayName.trim(),
        ...(bio.trim() ? { bio: bio.trim() } : {}),
        ...(city.trim() ? { city: city.trim() } : {}),
        ...(country.trim() ? { country: country.trim().toUpperCase() } : {}),
      },
      { onSuccess: () => void navigate('/account/security?from=maker') },
    );
  };

  return (
    <main id="main" className="page">
      <h1>
        <Trans>Sell your work</Trans>
      </h1>
      <p className="muted">
        <Trans>
          Tell buyers who you are. After this you set up an authenticator app — makers need it to accept bids and
          receive payouts.
        </Trans>
      </p>
      <form className="card stack" onSubmit={submit} aria-label={t`Maker profile`}>
        <TextField
          label={t`Maker name`}
          hint={t`Shown on your stories, e.g. your studio's name.`}
          value={displayName}
          maxLength={80}
          required
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <TextAreaField label={t`About you`} value={bio} maxLength={2000} onChange={(e) => setBio(e.target.value)} />
        <div className="row">
          <TextField label={t`City`} value={city} maxLength={100} onChange={(e) => setCity(e.target.value)} />
          <TextField
            label={t`Country code`}
            hint={t`2 letters`}
            value={country}
            maxLength={2}
            onChange={(e) => setCountry(e.target.value.toUpperCase())}
          />
        </div>
        <FormError error={become.error} />
        <button
          type="submit"
          className="btn btn-primary btn-block"
          disabled={become.isPending || become.isSuccess || !displayName.trim()}
        >
          {become.isPending || become.isSuccess ? t`Creating…` : t`Create maker profile`}
        </button>
      </form>
    </main>
  );
}
