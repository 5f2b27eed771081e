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

  // Right after creating the profile the screen moves on to two-step verification; it does not flash
  // the "already a maker" page while the refreshed session arrives first.
  if (viewer.isMaker && !become.isSuccess) {
    return (
      <main id="main" className="page">
        <h1>You are a maker</h1>
        <p className="muted">Your studio is ready.</p>
        <Link className="btn btn-primary" to="/studio">
          Open the studio
        </Link>
        {!viewer.me?.totpEnabled && (
          <Link className="btn btn-secondary" to="/account/security">
            Set up two-step verification
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
      <h1>Sell your work</h1>
      <p className="muted">
        Tell buyers who you are. After this you set up an authenticator app — makers need it to accept bids and receive
        payouts.
      </p>
      <form className="card stack" onSubmit={submit} aria-label="Maker profile">
        <TextField
          label="Maker name"
          hint="Shown on your stories, e.g. your studio's name."
          value={displayName}
          maxLength={80}
          required
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <TextAreaField label="About you" value={bio} maxLength={2000} onChange={(e) => setBio(e.target.value)} />
        <div className="row">
          <TextField label="City" value={city} maxLength={100} onChange={(e) => setCity(e.target.value)} />
          <TextField
            label="Country code"
            hint="2 letters"
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
          {become.isPending || become.isSuccess ? 'Creating…' : 'Create maker profile'}
        </button>
      </form>
    </main>
  );
}
