import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { paths } from '@vw/api-client';
import { api, unwrap } from '../../shared/api/client';
import { clientIdFor, federatedAuthorizeUrl, type FederatedProvider } from './federated';

type Providers = paths['/v1/auth/providers']['get']['responses'][200]['content']['application/json'];

/** "Continue with Google/Apple", only for the providers the server has configured. */
export function FederatedButtons({ providers, next }: { providers: Providers | undefined; next: string }) {
  const [error, setError] = useState<string | null>(null);
  const { t } = useLingui();
  if (!providers || (!providers.google && !providers.apple)) return null;
  const go = async (provider: FederatedProvider) => {
    const clientId = clientIdFor(provider);
    if (!clientId) {
      setError(
        provider === 'google'
          ? t`Google sign-in is not set up for the web app yet.`
          : t`Apple sign-in is not set up for the web app yet.`,
      );
      return;
    }
    try {
      // The server issues the nonce: it accepts only an ID token that carries one of its own, once.
      const { nonce } = await unwrap(api.POST('/v1/auth/federated/nonce', { body: { provider } }));
      window.location.assign(federatedAuthorizeUrl(provider, clientId, next, nonce));
    } catch {
      setError(t`Sign-in could not start. Check your connection and try again.`);
    }
  };
  return (
    <div className="stack federated">
      <div className="or" aria-hidden="true">
        <span>
          <Trans>or</Trans>
        </span>
      </div>
      {providers.google && (
        <button type="button" className="btn btn-secondary btn-block" onClick={() => void go('google')}>
          <Trans>Continue with Google</Trans>
        </button>
      )}
      {providers.apple && (
        <button type="button" className="btn btn-secondary btn-block" onClick={() => void go('apple')}>
          <Trans>Continue with Apple</Trans>
        </button>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
