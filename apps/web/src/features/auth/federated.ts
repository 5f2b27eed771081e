/**
 * Google and Apple sign-in by the OpenID Connect redirect (no provider script: the page's CSP
 * allows only our own scripts). The provider sends the ID token back in the URL fragment of
 * /auth/callback/<provider>; the nonce and state wait in sessionStorage. The nonce is issued by
 * our server (single use, short-lived), which accepts only ID tokens carrying one it issued.
 */
import { t } from '@lingui/core/macro';

export type FederatedProvider = 'google' | 'apple';

const AUTHORIZE: Record<FederatedProvider, string> = {
  google: 'https://accounts.google.com/o/oauth2/v2/auth',
  apple: 'https://appleid.apple.com/auth/authorize',
};

const KEY = 'vw.federated';

interface Pending {
  provider: FederatedProvider;
  nonce: string;
  state: string;
  next: string;
}

const random = () => crypto.randomUUID().replace(/-/g, '');

/** The web client id for a provider, from the build (the server's provider list says only which are on). */
export function clientIdFor(provider: FederatedProvider): string | null {
  const fromBuild =
    provider === 'google' ? import.meta.env.VITE_GOOGLE_CLIENT_ID : import.meta.env.VITE_APPLE_CLIENT_ID;
  return typeof fromBuild === 'string' && fromBuild ? fromBuild : null;
}

export function federatedAuthorizeUrl(
  provider: FederatedProvider,
  clientId: string,
  next: string,
  nonce: string,
): string {
  const pending: Pending = { provider, nonce, state: random(), next };
  sessionStorage.setItem(KEY, JSON.stringify(pending));
  const url = new URL(AUTHORIZE[provider]);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('redirect_uri', `${window.location.origin}/auth/callback/${provider}`);
  url.searchParams.set('response_type', provider === 'google' ? 'id_token' : 'code id_token');
  url.searchParams.set('response_mode', 'fragment');
  url.searchParams.set('scope', provider === 'google' ? 'openid email profile' : 'openid');
  url.searchParams.set('nonce', pending.nonce);
  url.searchParams.set('state', pending.state);
  return url.toString();
}

/** Reads the provider's answer from the callback URL; null when it does not match what we sent. */
export function readFederatedCallback(
  provider: string | undefined,
  hash: string,
): { provider: FederatedProvider; idToken: string; nonce: string; next: string } | { error: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const text = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  const pending = text ? (JSON.parse(text) as Pending) : null;
  const refused = params.get('error');
  if (refused) {
    const said = params.get('error_description') ?? refused;
    return { error: t`The provider said: ${said}` };
  }
  const idToken = params.get('id_token');
  if (!pending || pending.provider !== provider || params.get('state') !== pending.state || !idToken) {
    return { error: t`This sign-in link is not valid any more. Start again.` };
  }
  return { provider: pending.provider, idToken, nonce: pending.nonce, next: pending.next };
}
