import { Trans, useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QrCodeImage } from '../../shared/qr/qr-code-image';
import { useTotpConfirmMutation } from '../../shared/queries/maker/use-totp-confirm-mutation';
import { useTotpEnrollMutation } from '../../shared/queries/maker/use-totp-enroll-mutation';
import { useViewer } from '../../shared/session/use-viewer';
import { FormError } from '../../shared/ui/states';
import { NewRecoveryCodes } from './new-recovery-codes';
import { RecoveryCodes } from './recovery-codes';
import './maker.css';

const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Two-step verification: scan the QR code (or type the key) into an authenticator app, confirm a
 * code, then save the recovery codes shown this once. With it on: a new set of recovery codes for
 * a current code from the app.
 */
export default function TotpEnrolScreen() {
  const [params] = useSearchParams();
  const viewer = useViewer();
  const enrol = useTotpEnrollMutation();
  const confirm = useTotpConfirmMutation();
  const [code, setCode] = useState('');
  const [saved, setSaved] = useState(false);
  const fromMaker = params.get('from') === 'maker';
  const { t } = useLingui();

  if (confirm.data && !saved) {
    return (
      <main id="main" className="page">
        <h1>
          <Trans>Two-step verification is on</Trans>
        </h1>
        <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={() => setSaved(true)} />
      </main>
    );
  }

  if (viewer.me?.totpEnabled || confirm.isSuccess) {
    return (
      <main id="main" className="page">
        <h1>
          <Trans>Two-step verification is on</Trans>
        </h1>
        <p className="alert alert-success" role="status">
          <Trans>From now on, signing in asks for a code from your authenticator app.</Trans>
        </p>
        <Link className="btn btn-primary" to={viewer.isMaker ? '/studio' : '/account'}>
          {viewer.isMaker ? t`Open the studio` : t`Back to your account`}
        </Link>
        <NewRecoveryCodes />
      </main>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{6}$/.test(code)) confirm.mutate(code);
  };
  // The key read out one character at a time.
  const spelled = enrol.data ? enrol.data.secret.split('').join(' ') : '';

  return (
    <main id="main" className="page">
      <h1>
        <Trans>Two-step verification</Trans>
      </h1>
      {fromMaker && (
        <p className="alert alert-success" role="status">
          <Trans>
            Your maker profile is ready. One more step: makers need an authenticator app to accept bids and receive
            payouts.
          </Trans>
        </p>
      )}
      {!enrol.data ? (
        <div className="card stack">
          <p className="muted">
            <Trans>
              Use an authenticator app (such as 1Password, Google Authenticator or Authy) to make a new 6-digit code
              every 30 seconds.
            </Trans>
          </p>
          <FormError error={enrol.error} />
          <button
            type="button"
            className="btn btn-primary btn-block"
            disabled={enrol.isPending}
            onClick={() => enrol.mutate()}
          >
            {enrol.isPending ? t`Starting…` : t`Set up authenticator app`}
          </button>
        </div>
      ) : (
        <form className="card stack" onSubmit={submit} aria-label={t`Confirm your authenticator app`}>
          <ol className="stack totp-steps">
            <li>
              <Trans>Scan this code with your authenticator app:</Trans>
            </li>
          </ol>
          <div className="qr-frame">
            <QrCodeImage text={enrol.data.otpauthUrl} label={t`QR code for your authenticator app`} />
          </div>
          <p className="subtle">
            <Trans>Or enter this key by hand:</Trans>
          </p>
          <p className="mono secret" aria-label={t`Setup key ${spelled}`}>
            {grouped(enrol.data.secret)}
          </p>
          <details>
            <summary>
              <Trans>Show the setup link</Trans>
            </summary>
            <p className="mono break">{enrol.data.otpauthUrl}</p>
          </details>
          <div className="field">
            <label htmlFor="totp-code">
              <Trans>Code from the app</Trans>
            </label>
            <input
              id="totp-code"
              className="input code-input"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
            />
          </div>
          <FormError error={confirm.error} />
          <button type="submit" className="btn btn-primary btn-block" disabled={confirm.isPending || code.length !== 6}>
            {confirm.isPending ? t`Checking…` : t`Turn on two-step verification`}
          </button>
        </form>
      )}
    </main>
  );
}
