import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '@vw/api-client';
import { useUpdateMakerProfileMutation } from '../../shared/queries/maker/use-update-maker-profile-mutation';
import { useMediaQuery } from '../../shared/queries/studio/use-media-query';
import { useTusUpload } from '../../shared/upload/use-tus-upload';
import { TextAreaField, TextField } from '../../shared/ui/field';
import { ProgressBar } from '../../shared/ui/progress-bar';
import { FormError } from '../../shared/ui/states';

type MakerProfile = Schemas['MakerProfile'];

/**
 * The avatar: choose a photo, which is uploaded (tus, as studio media are), prepared by the media
 * pipeline and then set on the profile; or remove the one there is.
 */
function AvatarField({ profile }: { profile: MakerProfile }) {
  const update = useUpdateMakerProfileMutation();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const { state, start } = useTusUpload(setPendingId);
  const media = useMediaQuery(pendingId);
  const status = media.data?.status;
  const reason = media.data?.error?.message;
  const { t } = useLingui();

  // Once the pipeline has made the photo ready, it becomes the avatar.
  const applied = useRef<string | null>(null);
  const { mutate } = update;
  useEffect(() => {
    if (!pendingId || status !== 'ready' || applied.current === pendingId) return;
    applied.current = pendingId;
    mutate({ avatarMediaId: pendingId }, { onSettled: () => setPendingId(null) });
  }, [pendingId, status, mutate]);

  const busy = state.status === 'uploading' || (pendingId !== null && status !== 'failed');
  return (
    <div className="stack">
      <div className="row">
        {profile.avatarUrl ? (
          <img className="profile-avatar" src={profile.avatarUrl} alt={t`Your profile photo`} />
        ) : (
          <span className="profile-avatar profile-avatar-initial" aria-hidden="true">
            {profile.displayName.slice(0, 1).toUpperCase()}
          </span>
        )}
        <div className="stack">
          <label className="btn btn-secondary btn-small">
            {profile.avatarUrl ? t`Change photo` : t`Add a photo`}
            <input
              type="file"
              accept="image/*"
              className="visually-hidden"
              aria-label={t`Profile photo file`}
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void start(file);
                e.target.value = '';
              }}
            />
          </label>
          {profile.avatarUrl && !busy && (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              disabled={update.isPending}
              onClick={() => update.mutate({ avatarMediaId: null })}
            >
              <Trans>Remove photo</Trans>
            </button>
          )}
        </div>
      </div>
      {state.status === 'uploading' && <ProgressBar value={state.progress} label={t`Uploading your photo`} />}
      {pendingId && status !== 'failed' && (
        <span className="subtle" role="status">
          <Trans>Preparing your photo…</Trans>
        </span>
      )}
      {state.error && (
        <p role="alert" className="field-error">
          {state.error}
        </p>
      )}
      {status === 'failed' && (
        <p role="alert" className="field-error">
          {reason ? t`This photo could not be used: ${reason}.` : t`This photo could not be used: processing failed.`}
        </p>
      )}
      <FormError error={update.error} />
    </div>
  );
}

/** A maker's public profile, edited in place: photo, name, bio, city and country. */
export function MakerProfileForm({ profile }: { profile: MakerProfile }) {
  const update = useUpdateMakerProfileMutation();
  const { t } = useLingui();
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [bio, setBio] = useState(profile.bio ?? '');
  const [city, setCity] = useState(profile.city ?? '');
  const [country, setCountry] = useState(profile.country ?? '');
  const countryValid = country.trim() === '' || /^[A-Za-z]{2}$/.test(country.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!displayName.trim() || !countryValid) return;
    update.mutate({ displayName: displayName.trim(), bio, city, country: country.trim().toUpperCase() });
  };

  return (
    <section className="card stack" aria-labelledby="maker-profile-heading">
      <div className="row-between">
        <h2 id="maker-profile-heading">
          <Trans>Your maker profile</Trans>
        </h2>
        <Link to={`/makers/${profile.userId}`}>
          <Trans>See your public page</Trans>
        </Link>
      </div>
      <AvatarField profile={profile} />
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          label={t`Display name`}
          value={displayName}
          maxLength={80}
          required
          onChange={(e) => setDisplayName(e.target.value)}
          error={displayName.trim() ? null : t`Give the name buyers see.`}
        />
        <TextAreaField label={t`Bio`} value={bio} maxLength={2000} onChange={(e) => setBio(e.target.value)} />
        <TextField label={t`City`} value={city} maxLength={100} onChange={(e) => setCity(e.target.value)} />
        <TextField
          label={t`Country`}
          hint={t`Two-letter code, such as PT or US`}
          value={country}
          maxLength={2}
          autoCapitalize="characters"
          onChange={(e) => setCountry(e.target.value)}
          error={countryValid ? null : t`Use the two-letter country code.`}
        />
        <FormError error={update.error} />
        {update.isSuccess && (
          <p className="alert alert-success" role="status">
            <Trans>Profile saved.</Trans>
          </p>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={update.isPending || !displayName.trim() || !countryValid}
        >
          {update.isPending ? t`Saving…` : t`Save profile`}
        </button>
      </form>
    </section>
  );
}
