import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render';
import { me, serve, signInAs } from '../../test/signed-in';
import { WebPushOptIn } from './web-push-opt-in';

const ENDPOINT = 'https://push.example/send/abc';

describe('WebPushOptIn', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    delete (navigator as { serviceWorker?: unknown }).serviceWorker;
  });

  it('turns push off for this browser: DELETE /v1/notifications/web-push/subscriptions, then the browser unsubscribes', async () => {
    signInAs();
    const calls = serve({
      'GET /v1/me': () => jsonResponse(me()),
      'DELETE /v1/notifications/web-push/subscriptions': () => new Response(null, { status: 204 }),
    });
    const unsubscribe = vi.fn(async () => true);
    const registration = { pushManager: { getSubscription: async () => ({ endpoint: ENDPOINT, unsubscribe }) } };
    Object.defineProperty(navigator, 'serviceWorker', {
      value: { ready: Promise.resolve(registration) },
      configurable: true,
    });
    vi.stubGlobal('PushManager', class {});
    vi.stubGlobal('Notification', { permission: 'granted', requestPermission: async () => 'granted' });

    renderWithApp(<WebPushOptIn />);
    fireEvent.click(screen.getByRole('button', { name: 'Turn off push notifications on this device' }));
    expect(await screen.findByText('Push notifications are off for this device.')).toBeTruthy();
    await waitFor(() => expect(unsubscribe).toHaveBeenCalled());
    const deleted = calls.find((c) => c.method === 'DELETE')!;
    expect(new URL(deleted.url).pathname).toBe('/v1/notifications/web-push/subscriptions');
    expect(await deleted.json()).toEqual({ endpoint: ENDPOINT });
  });
});
