import { useState } from 'react';
import { clientIdFor, federatedAuthorizeUrl, type FederatedProvider } from './federated';

interface Providers {
  google: boolean;
  apple: boolean;
  [key: string]: unknown;
}

/** "Continue with Google/Apple", only for the providers the server has configured. */
export function FederatedButtons({ providers, next }: { providers: Providers | undefined; next: string }) {
  const [error, setError] = useState<string | null>(null);
  if (!providers || (!providers.google && !providers.apple)) return null;
  const go = (provider: FederatedProvider) => {
    const clientId = clientIdFor(provider, providers[`${provider}ClientId`]);
    if (!clientId) {
      setError(`${provider === 'google' ? 'Google' : 'Apple'} sign-in is not set up for the web app yet.`);
      return;
    }
    window.location.assign(federatedAuthorizeUrl(provider, clientId, next));
  };
  return (
    <div className="stack federated">
      <div className="or" aria-hidden="true">
        <span>or</span>
      </div>
      {providers.google && (
        <button type="button" className="btn btn-secondary btn-block" onClick={() => go('google')}>
          Continue with Google
        </button>
      )}
      {providers.apple && (
        <button type="button" className="btn btn-secondary btn-block" onClick={() => go('apple')}>
          Continue with Apple
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
