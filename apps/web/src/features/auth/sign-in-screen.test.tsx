import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router';
import { jsonResponse, renderWithApp } from '../../test/render';
import { me, serve } from '../../test/signed-in';
import SignInScreen from './sign-in-screen';

const tokens = () => {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
  return {
    accessToken: `${part({ alg: 'EdDSA' })}.${part({ sub: 'u1', sid: 's1', roles: ['viewer'] })}.sig`,
    refreshToken: 'r1',
    expiresIn: 900,
    user: me(),
  };
};

const app = () =>
  renderWithApp(
    <Routes>
      <Route path="/sign-in" element={<SignInScreen />} />
      <Route path="/account" element={<p>account</p>} />
    </Routes>,
    { route: '/sign-in?mfa=mfa_1&next=/account' },
  );

describe('SignInScreen: the second step with a recovery code', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('signs in with a recovery code instead of the app’s code', async () => {
    const calls = serve({
      'GET /v1/auth/providers': () => jsonResponse({ google: null, apple: null }),
      'POST /v1/auth/totp/verify': () => jsonResponse(tokens()),
      'GET /v1/me': () => jsonResponse(me()),
    });
    app();
    expect(await screen.findByRole('heading', { name: 'Two-step verification' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    fireEvent.change(screen.getByLabelText('Recovery code'), { target: { value: ' abcde-fghjk ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('account')).toBeTruthy();
    const verify = calls.find((c) => new URL(c.url).pathname === '/v1/auth/totp/verify')!;
    expect(await verify.json()).toEqual({ mfaToken: 'mfa_1', recoveryCode: 'abcde-fghjk' });
  });

  it('says when a recovery code is refused, and goes back to the app’s code', async () => {
    serve({
      'GET /v1/auth/providers': () => jsonResponse({ google: null, apple: null }),
      'POST /v1/auth/totp/verify': () =>
        jsonResponse(
          { error: { code: 'invalid_recovery_code', message: 'The recovery code is not valid or was already used' } },
          401,
        ),
    });
    app();
    fireEvent.click(await screen.findByRole('button', { name: 'Use a recovery code' }));
    fireEvent.change(screen.getByLabelText('Recovery code'), { target: { value: 'zzzzz-zzzzz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That recovery code isn’t valid or has already been used.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Use the authenticator app instead' }));
    await waitFor(() => expect(screen.getByLabelText('6-digit code')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('SignInScreen: terms and privacy', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says that continuing accepts the terms and privacy policy, and links to both pages', async () => {
    serve({ 'GET /v1/auth/providers': () => jsonResponse({ google: null, apple: null }) });
    renderWithApp(
      <Routes>
        <Route path="/sign-in" element={<SignInScreen />} />
        <Route path="/terms" element={<p>terms page</p>} />
      </Routes>,
      { route: '/sign-in' },
    );
    const consent = (await screen.findByText(/By continuing you agree to our/)).closest('p')!;
    expect(consent.textContent).toBe('By continuing you agree to our Terms of service and Privacy policy.');
    expect(screen.getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('/privacy');
    fireEvent.click(screen.getByRole('link', { name: 'Terms of service' }));
    expect(await screen.findByText('terms page')).toBeTruthy();
  });
});
