import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
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

/** The product's name, the same in every language. */
const BRAND_NAME = 'Video Window';

/** Why the last session ended, as the sign-in screen explains it. */
const END_MESSAGES: Record<string, MessageDescriptor | undefined> = {
  session_ended: msg`Your session ended. Sign in again to continue.`,
  refresh_token_reused: msg`For your safety we signed you out: your session was used from somewhere else.`,
  account_suspended: msg`This account is suspended. Contact support if you think this is a mistake.`,
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
  const endMessage = endReason && Object.hasOwn(END_MESSAGES, endReason) ? END_MESSAGES[endReason] : undefined;
  const { t } = useLingui();

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
  const sentTo = step.name === 'code' ? step.destination : '';
  return (
    <main id="main" className="page sign-in">
      <div className="sign-in-brand">
        <img src="/favicon.svg" alt="" width={56} height={56} />
        <h1>{BRAND_NAME}</h1>
        <p className="muted">
          <Trans>Handmade, one of a kind. Sign in to bid, buy and sell.</Trans>
        </p>
      </div>
      {endMessage && step.name === 'start' && (
        <p className="alert alert-info" role="status">
          {t(endMessage)}
        </p>
      )}
      <div className="card">
        {step.name === 'start' && (
          <>
            {sms && (
              <div className="tabs" role="tablist" aria-label={t`Sign-in method`}>
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
                    {c === 'email' ? t`Email` : t`Phone`}
                  </button>
                ))}
              </div>
            )}
            <form className="stack" onSubmit={sendCode} noValidate aria-label={t`Get a sign-in code`}>
              <div className="field">
                <label htmlFor={`${id}-dest`}>{channel === 'email' ? t`Email address` : t`Phone number`}</label>
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
                    ? t`We email you a 6-digit code. No password needed.`
                    : t`International format, e.g. +44 7700 900123. We text you a 6-digit code.`}
                </span>
              </div>
              <FormError error={start.error} />
              <button
                type="submit"
                className="btn btn-primary btn-block"
                disabled={start.isPending || !destination.trim()}
              >
                {start.isPending ? t`Sending…` : t`Send code`}
              </button>
            </form>
            <FederatedButtons providers={providers.data} next={next} />
            <p className="hint sign-in-consent">
              <Trans>
                By continuing you agree to our <Link to="/terms">Terms of service</Link> and{' '}
                <Link to="/privacy">Privacy policy</Link>.
              </Trans>
            </p>
          </>
        )}
        {step.name === 'code' && (
          <CodeStep
            destination={step.destination}
            title={t`Enter your code`}
            description={t`We sent a 6-digit code to ${sentTo}. It works for 10 minutes.`}
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
                title={t`Two-step verification`}
                description={t`Enter the 6-digit code from your authenticator app.`}
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
                <Trans>Use a recovery code</Trans>
              </button>
            </>
          ))}
      </div>
    </main>
  );
}
