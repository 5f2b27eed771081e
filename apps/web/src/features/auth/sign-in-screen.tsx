import { useId, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { sessionStore } from '../../shared/api/client';
import { useProvidersQuery } from '../../shared/queries/auth/use-providers-query';
import { useStartCodeMutation, type CodeChannel } from '../../shared/queries/auth/use-start-code-mutation';
import { useTotpVerifyMutation } from '../../shared/queries/auth/use-totp-verify-mutation';
import { useVerifyCodeMutation } from '../../shared/queries/auth/use-verify-code-mutation';
import { useSession } from '../../shared/session/use-session';
import { FormError } from '../../shared/ui/states';
import { CodeStep } from './code-step';
import { RecoveryCodeStep } from './recovery-code-step';
import { FederatedButtons } from './federated-buttons';
import './sign-in.css';

type Step = { name: 'start' } | { name: 'code'; destination: string } | { name: 'totp'; mfaToken: string };

const END_MESSAGES: Record<string, string> = {
  session_ended: 'Your session ended. Sign in again to continue.',
  refresh_token_reused: 'For your safety we signed you out: your session was used from somewhere else.',
  account_suspended: 'This account is suspended. Contact support if you think this is a mistake.',
};

/** Sign-in: email or SMS one-time code, Google/Apple when offered, then TOTP if the account has it. */
export default function SignInScreen() {
  const id = useId();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const next = params.get('next') ?? '/';
  const providers = useProvidersQuery();
  const [channel, setChannel] = useState<CodeChannel>('email');
  const [destination, setDestination] = useState('');
  const mfaFromRedirect = params.get('mfa');
  const [step, setStep] = useState<Step>(
    mfaFromRedirect ? { name: 'totp', mfaToken: mfaFromRedirect } : { name: 'start' },
  );
  const start = useStartCodeMutation();
  const verify = useVerifyCodeMutation();
  const totp = useTotpVerifyMutation();
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  const endReason = sessionStore.lastEndReason();

  if (session && step.name !== 'totp') return <Navigate to={next} replace />;

  const finish = () => void navigate(next, { replace: true });

  const sendCode = (event: FormEvent) => {
    event.preventDefault();
    const value = destination.trim();
    if (!value) return;
    start.mutate({ channel, destination: value }, { onSuccess: () => setStep({ name: 'code', destination: value }) });
  };

  const checkCode = (code: string) => {
    if (step.name !== 'code') return;
    verify.mutate(
      { channel, destination: step.destination, code },
      {
        onSuccess: (outcome) =>
          outcome.kind === 'mfa_required' ? setStep({ name: 'totp', mfaToken: outcome.mfaToken }) : finish(),
      },
    );
  };

  const sms = providers.data?.sms ?? false;
  return (
    <main id="main" className="page sign-in">
      <div className="sign-in-brand">
        <img src="/favicon.svg" alt="" width={56} height={56} />
        <h1>Video Window</h1>
        <p className="muted">Handmade, one of a kind. Sign in to bid, buy and sell.</p>
      </div>
      {endReason && END_MESSAGES[endReason] && step.name === 'start' && (
        <p className="alert alert-info" role="status">
          {END_MESSAGES[endReason]}
        </p>
      )}
      <div className="card">
        {step.name === 'start' && (
          <>
            {sms && (
              <div className="tabs" role="tablist" aria-label="Sign-in method">
                {(['email', 'sms'] as const).map((c) => (
                  <button
                    key={c}
                    type="button"
                    role="tab"
                    className="tab"
                    aria-selected={channel === c}
                    onClick={() => {
                      setChannel(c);
                      setDestination('');
                      start.reset();
                    }}
                  >
                    {c === 'email' ? 'Email' : 'Phone'}
                  </button>
                ))}
              </div>
            )}
            <form className="stack" onSubmit={sendCode} noValidate aria-label="Get a sign-in code">
              <div className="field">
                <label htmlFor={`${id}-dest`}>{channel === 'email' ? 'Email address' : 'Phone number'}</label>
                <input
                  id={`${id}-dest`}
                  className="input"
                  type={channel === 'email' ? 'email' : 'tel'}
                  autoComplete={channel === 'email' ? 'email' : 'tel'}
                  inputMode={channel === 'email' ? 'email' : 'tel'}
                  placeholder={channel === 'email' ? 'you@example.com' : '+14155550123'}
                  value={destination}
                  onChange={(e) => setDestination(e.target.value)}
                  aria-describedby={`${id}-dest-hint`}
                  required
                />
                <span id={`${id}-dest-hint`} className="hint">
                  {channel === 'email'
                    ? 'We email you a 6-digit code. No password needed.'
                    : 'International format, e.g. +44 7700 900123. We text you a 6-digit code.'}
                </span>
              </div>
              <FormError error={start.error} />
              <button
                type="submit"
                className="btn btn-primary btn-block"
                disabled={start.isPending || !destination.trim()}
              >
                {start.isPending ? 'Sending…' : 'Send code'}
              </button>
            </form>
            <FederatedButtons providers={providers.data} next={next} />
            <p className="hint sign-in-consent">
              By continuing you agree to our <Link to="/terms">Terms of service</Link> and{' '}
              <Link to="/privacy">Privacy policy</Link>.
            </p>
          </>
        )}
        {step.name === 'code' && (
          <CodeStep
            destination={step.destination}
            title="Enter your code"
            description={`We sent a 6-digit code to ${step.destination}. It works for 10 minutes.`}
            pending={verify.isPending}
            error={verify.error}
            onSubmit={checkCode}
            onBack={() => {
              verify.reset();
              setStep({ name: 'start' });
            }}
            showMailbox
          />
        )}
        {step.name === 'totp' &&
          (withRecoveryCode ? (
            <RecoveryCodeStep
              pending={totp.isPending}
              error={totp.error}
              onSubmit={(recoveryCode) => totp.mutate({ mfaToken: step.mfaToken, recoveryCode }, { onSuccess: finish })}
              onBack={() => {
                totp.reset();
                setWithRecoveryCode(false);
              }}
            />
          ) : (
            <>
              <CodeStep
                destination=""
                title="Two-step verification"
                description="Enter the 6-digit code from your authenticator app."
                pending={totp.isPending}
                error={totp.error}
                onSubmit={(code) => totp.mutate({ mfaToken: step.mfaToken, code }, { onSuccess: finish })}
                showMailbox={false}
              />
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => {
                  totp.reset();
                  setWithRecoveryCode(true);
                }}
              >
                Use a recovery code
              </button>
            </>
          ))}
      </div>
    </main>
  );
}
