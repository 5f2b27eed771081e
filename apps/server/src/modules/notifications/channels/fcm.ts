import { importPKCS8, SignJWT } from 'jose';
import type { MobileDevice, MobilePushMessage, MobilePushResult, MobilePushSender } from './mobile-push';

const TIMEOUT_MS = 10_000;
const SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';

interface ServiceAccount {
  client_email: string;
  private_key: string;
  token_uri?: string;
}

/** Firebase answered with a status that says retry later (or our credentials are wrong). */
export class FcmError extends Error {
  constructor(readonly status: number) {
    super(`FCM answered ${status}`);
    this.name = 'FcmError';
  }
}

/** Accepts the service account key as its JSON or as base64 of it. */
export function parseServiceAccount(value: string): ServiceAccount {
  const text = value.trim().startsWith('{') ? value : Buffer.from(value, 'base64').toString('utf8');
  const parsed = JSON.parse(text) as Partial<ServiceAccount>;
  if (typeof parsed.client_email !== 'string' || typeof parsed.private_key !== 'string') {
    throw new Error('FCM_SERVICE_ACCOUNT_JSON needs client_email and private_key');
  }
  return { client_email: parsed.client_email, private_key: parsed.private_key, token_uri: parsed.token_uri };
}

/**
 * Firebase Cloud Messaging HTTP v1: an OAuth access token from the service account (cached until
 * shortly before it expires), then one `messages:send` per device token. iOS devices are reached
 * through the APNs key uploaded to the Firebase project.
 */
export function fcmSender(options: {
  projectId: string;
  serviceAccountJson: string;
  apiUrl: string;
}): MobilePushSender {
  const account = parseServiceAccount(options.serviceAccountJson);
  const tokenUri = account.token_uri ?? 'https://oauth2.googleapis.com/token';
  let cached: { token: string; expiresAt: number } | null = null;
  // Devices of one notification are sent to concurrently: they share one token request.
  let inFlight: Promise<string> | null = null;

  async function fetchAccessToken(): Promise<string> {
    const key = await importPKCS8(account.private_key, 'RS256');
    const assertion = await new SignJWT({ scope: SCOPE })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(account.client_email)
      .setAudience(tokenUri)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
    const res = await fetch(tokenUri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw new FcmError(res.status);
    const body = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new Error('FCM token endpoint returned no access_token');
    cached = { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 };
    return cached.token;
  }

  function accessToken(): Promise<string> {
    // Google checks these times against its own clock, so they come from the real clock.
    if (cached && cached.expiresAt - 60_000 > Date.now()) return Promise.resolve(cached.token);
    inFlight ??= fetchAccessToken().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    configured: true,
    async send(device: MobileDevice, message: MobilePushMessage): Promise<MobilePushResult> {
      const token = await accessToken();
      const url = new URL(`/v1/projects/${encodeURIComponent(options.projectId)}/messages:send`, options.apiUrl);
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          message: {
            token: device.token,
            notification: { title: message.title, body: message.body },
            data: { notificationId: message.notificationId, kind: message.kind, link: message.link ?? '' },
            android: { priority: 'high' },
            apns: { payload: { aps: { sound: 'default' } } },
          },
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await res.text();
      if (res.ok) return 'sent';
      if (res.status === 401) cached = null;
      if (res.status === 404 || /UNREGISTERED/.test(text)) return 'unregistered';
      if (res.status === 400) return 'rejected';
      throw new FcmError(res.status);
    },
  };
}
