import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { messageOf } from '../../shared/api/api-error';
import { useFederatedSignInMutation } from '../../shared/queries/auth/use-federated-sign-in-mutation';
import { Loading } from '../../shared/ui/states';
import { readFederatedCallback } from './federated';

/** Where Google or Apple send the viewer back: finishes the sign-in with the ID token. */
export default function FederatedCallbackScreen() {
  const { provider } = useParams();
  const navigate = useNavigate();
  const signIn = useFederatedSignInMutation();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  const { t } = useLingui();

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const answer = readFederatedCallback(provider, window.location.hash);
    if ('error' in answer) {
      setError(answer.error);
      return;
    }
    signIn.mutate(answer, {
      onSuccess: (outcome) => {
        if (outcome.kind === 'mfa_required') {
          void navigate(
            `/sign-in?mfa=${encodeURIComponent(outcome.mfaToken)}&next=${encodeURIComponent(answer.next)}`,
            {
              replace: true,
            },
          );
        } else void navigate(answer.next || '/', { replace: true });
      },
      onError: (e) => setError(messageOf(e)),
    });
  }, [provider, navigate, signIn]);

  return (
    <main id="main" className="page">
      <h1>
        <Trans>Signing you in</Trans>
      </h1>
      {error ? (
        <div className="stack">
          <p role="alert" className="alert alert-error">
            {error}
          </p>
          <Link to="/sign-in" className="btn btn-primary">
            <Trans>Back to sign-in</Trans>
          </Link>
        </div>
      ) : (
        <Loading label={t`Signing you in`} lines={1} />
      )}
    </main>
  );
}
