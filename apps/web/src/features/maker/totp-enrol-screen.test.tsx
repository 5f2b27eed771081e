import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render';
import { me, serve, signInAs } from '../../test/signed-in';
import { RECOVERY_CODES_FILE } from './recovery-codes';
import TotpEnrolScreen from './totp-enrol-screen';

const CODES = Array.from({ length: 10 }, (_, i) => `abcd${i + 2}-efgh${i + 2}`);
const NEW_CODES = Array.from({ length: 10 }, (_, i) => `mnpq${i + 2}-rstu${i + 2}`);

describe('TotpEnrolScreen: recovery codes', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the recovery codes once after enrolment, to copy or download, then says it is on', async () => {
    signInAs();
    let enabled = false;
    serve({
      'GET /v1/me': () => jsonResponse(me({ totpEnabled: enabled })),
      'POST /v1/auth/totp/enroll': () =>
        jsonResponse({
          secret: 'JBSWY3DPEHPK3PXP',
          otpauthUrl: 'otpauth://totp/Video%20Window:ann?secret=JBSWY3DPEHPK3PXP',
        }),
      'POST /v1/auth/totp/confirm': () => {
        enabled = true;
        return jsonResponse({ recoveryCodes: CODES });
      },
    });
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:codes');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });

    renderWithApp(<TotpEnrolScreen />, { route: '/account/security' });
    fireEvent.click(await screen.findByRole('button', { name: 'Set up authenticator app' }));
    fireEvent.change(await screen.findByLabelText('Code from the app'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));

    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(CODES);

    fireEvent.click(screen.getByRole('button', { name: 'Copy codes' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const copiedCalls = writeText.mock.calls as unknown as [string][];
    for (const code of CODES) expect(copiedCalls[0]![0]).toContain(code);
    expect((await screen.findByRole('status')).textContent).toBe('Copied.');

    fireEvent.click(screen.getByRole('button', { name: 'Download codes' }));
    expect(names).toEqual([RECOVERY_CODES_FILE]);

    fireEvent.click(screen.getByRole('button', { name: 'I have saved my codes' }));
    expect(await screen.findByText(/signing in asks for a code from your authenticator app/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
  });

  it('gets a new set of recovery codes for a current code from the app, and says why one is refused', async () => {
    signInAs();
    let tries = 0;
    const calls = serve({
      'GET /v1/me': () => jsonResponse(me({ totpEnabled: true })),
      'POST /v1/auth/totp/recovery-codes': () => {
        tries += 1;
        return tries === 1
          ? jsonResponse({ error: { code: 'invalid_code', message: 'The code is not valid' } }, 401)
          : jsonResponse({ recoveryCodes: NEW_CODES });
      },
    });
    renderWithApp(<TotpEnrolScreen />, { route: '/account/security' });
    fireEvent.change(await screen.findByLabelText('Code from the app'), { target: { value: '111111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Get new recovery codes' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That code isn’t valid. Check it, or ask for a new one.',
    );

    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '222222' } });
    fireEvent.click(screen.getByRole('button', { name: 'Get new recovery codes' }));
    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(list.textContent).toContain(NEW_CODES[0]);
    const sent = calls.filter((c) => new URL(c.url).pathname === '/v1/auth/totp/recovery-codes');
    expect(await sent[1]!.json()).toEqual({ code: '222222' });
  });
});
