import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { jsonResponse } from '../../test/render';
import { me, serve, signInAs } from '../../test/signed-in';
import { activateLocale, currentLocale, storeLocale } from './i18n';
import { useAccountLocale } from './use-account-locale';

function Probe() {
  useAccountLocale();
  return null;
}

describe('the account’s language on this device', () => {
  afterEach(async () => {
    storeLocale(null);
    await activateLocale('en');
    vi.unstubAllGlobals();
  });

  it('becomes the app’s once signed in, when this device chose none', async () => {
    signInAs();
    const calls = serve({ 'GET /v1/me': () => jsonResponse(me({ locale: 'de' })) });
    renderWithApp(<Probe />);
    await waitFor(() => expect(currentLocale()).toBe('de'));
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('gives way to this device’s own choice, and English on the account never overrides the browser', async () => {
    signInAs();
    storeLocale('fr');
    await activateLocale('fr');
    const calls = serve({ 'GET /v1/me': () => jsonResponse(me({ locale: 'de' })) });
    renderWithApp(<Probe />);
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 20));
    expect(currentLocale()).toBe('fr');

    storeLocale(null);
    await activateLocale('es');
    serve({ 'GET /v1/me': () => jsonResponse(me({ locale: 'en' })) });
    renderWithApp(<Probe />);
    await new Promise((r) => setTimeout(r, 20));
    expect(currentLocale()).toBe('es');
  });
});
