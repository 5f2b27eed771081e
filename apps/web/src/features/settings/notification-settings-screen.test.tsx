import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render';
import { me, serve, signInAs } from '../../test/signed-in';
import NotificationSettingsScreen from './notification-settings-screen';

const CHANNELS = ['email', 'web_push', 'sms', 'mobile_push'] as const;
const matrix = (off: string[] = []) => ({
  items: ['outbid', 'won', 'shipped'].flatMap((kind) =>
    CHANNELS.map((channel) => ({
      kind,
      channel,
      enabled: !off.includes(`${kind}:${channel}`),
      isDefault: true,
    })),
  ),
});

describe('NotificationSettingsScreen', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows every kind on every channel and turns one off with PUT /v1/notifications/preferences', async () => {
    signInAs();
    const calls = serve({
      'GET /v1/me': () => jsonResponse(me()),
      'GET /v1/notifications/preferences': () => jsonResponse(matrix()),
      'PUT /v1/notifications/preferences': () => jsonResponse(matrix(['outbid:email'])),
    });
    renderWithApp(<NotificationSettingsScreen />);
    const outbid = await screen.findByRole('group', { name: 'I was outbid' });
    expect(screen.getAllByRole('checkbox')).toHaveLength(12);
    const email = outbid.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(email.checked).toBe(true);
    fireEvent.click(email);
    await waitFor(() => expect(email.checked).toBe(false));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(await put.json()).toEqual({ items: [{ kind: 'outbid', channel: 'email', enabled: false }] });
  });

  it('puts the box back and says why when the server refuses', async () => {
    signInAs();
    serve({
      'GET /v1/me': () => jsonResponse(me()),
      'GET /v1/notifications/preferences': () => jsonResponse(matrix()),
      'PUT /v1/notifications/preferences': () =>
        jsonResponse({ error: { code: 'validation_failed', message: 'Unknown kind' } }, 400),
    });
    renderWithApp(<NotificationSettingsScreen />);
    const won = await screen.findByRole('group', { name: 'I won an auction' });
    const sms = won.querySelectorAll<HTMLInputElement>('input[type=checkbox]')[2]!;
    fireEvent.click(sms);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Some of the information isn’t valid. Please check it and try again.',
    );
    expect(sms.checked).toBe(true);
  });
});
