import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../shared/api/client';
import { activateLocale, currentLocale, storedLocale, storeLocale } from '../../shared/i18n/i18n';
import { listenForInstallPrompt } from '../../shared/pwa/install-prompt';
import { jsonResponse, renderWithApp } from '../../test/render';
import { me, serve, signInAs } from '../../test/signed-in';
import AccountScreen from './account-screen';

describe('AccountScreen', () => {
  afterEach(async () => {
    storeLocale(null);
    await activateLocale('en');
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('changes the language: the screen speaks it at once, this device and the account keep it', async () => {
    signInAs();
    const calls = serve({
      'GET /v1/me': () => jsonResponse(me()),
      'PATCH /v1/me': async (request) => jsonResponse(me((await request.json()) as Record<string, unknown>)),
    });
    renderWithApp(<AccountScreen />, { route: '/account' });
    fireEvent.change(await screen.findByLabelText('Language'), { target: { value: 'pt' } });
    expect(await screen.findByRole('link', { name: 'Definições de notificações' })).toBeTruthy();
    expect(currentLocale()).toBe('pt');
    expect(storedLocale()).toBe('pt');
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(await patch?.json()).toEqual({ locale: 'pt' });
  });

  it('links to the notification settings every email points at', async () => {
    signInAs();
    serve({ 'GET /v1/me': () => jsonResponse(me()) });
    renderWithApp(<AccountScreen />, { route: '/account' });
    const link = await screen.findByRole('link', { name: 'Notification settings' });
    expect(link.getAttribute('href')).toBe('/settings/notifications');
  });

  it('links to help, terms and privacy, and offers to install the app when the browser allows it', async () => {
    signInAs();
    serve({ 'GET /v1/me': () => jsonResponse(me()) });
    renderWithApp(<AccountScreen />, { route: '/account' });
    const about = await screen.findByRole('navigation', { name: 'About Video Window' });
    const hrefs = [...about.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/help', '/terms', '/privacy']);
    listenForInstallPrompt();
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: vi.fn(async () => undefined),
      userChoice: Promise.resolve({ outcome: 'dismissed' }),
    });
    act(() => {
      window.dispatchEvent(offer);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Install app' }));
    expect(offer.prompt).toHaveBeenCalledOnce();
  });

  it('downloads my data from GET /v1/me/export as a JSON file', async () => {
    signInAs();
    const exported = { user: { id: 'u1', email: 'ann@example.com' }, orders: [] };
    serve({ 'GET /v1/me': () => jsonResponse(me()), 'GET /v1/me/export': () => jsonResponse(exported) });
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:export';
      }),
      revokeObjectURL: vi.fn(),
    });
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`);
    });
    renderWithApp(<AccountScreen />, { route: '/account' });
    fireEvent.click(await screen.findByRole('button', { name: 'Download my data' }));
    expect(await screen.findByText('Your data was downloaded as a JSON file.')).toBeTruthy();
    expect(downloads).toEqual(['video-window-export.json blob:export']);
    expect(blobs[0]!.type).toBe('application/json');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blobs[0]!);
    });
    expect(JSON.parse(text)).toEqual(exported);
  });

  it('deletes the account with DELETE /v1/me only once DELETE is typed, then forgets the session', async () => {
    signInAs();
    const calls = serve({
      'GET /v1/me': () => jsonResponse(me()),
      'DELETE /v1/me': () => new Response(null, { status: 204 }),
    });
    renderWithApp(<AccountScreen />, { route: '/account' });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete my account' }));
    const confirm = screen.getByRole<HTMLButtonElement>('button', { name: 'Delete my account for good' });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Type DELETE to confirm'), { target: { value: 'delete' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Type DELETE to confirm'), { target: { value: 'DELETE' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(sessionStore.get()).toBeNull());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => new URL(c.url).pathname)).toEqual(['/v1/me']);
  });

  it('signs out on every device with POST /v1/auth/sign-out-everywhere', async () => {
    signInAs();
    const calls = serve({
      'GET /v1/me': () => jsonResponse(me()),
      'POST /v1/auth/sign-out-everywhere': () => new Response(null, { status: 204 }),
    });
    renderWithApp(<AccountScreen />, { route: '/account' });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out on every device' }));
    await waitFor(() => expect(sessionStore.get()).toBeNull());
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toContain('POST /v1/auth/sign-out-everywhere');
  });
});

describe('AccountScreen username', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('changes the username with PATCH /v1/me and shows the server’s refusal', async () => {
    signInAs();
    let taken = true;
    const calls = serve({
      'GET /v1/me': () => jsonResponse(me()),
      'PATCH /v1/me': () =>
        taken
          ? jsonResponse({ error: { code: 'username_taken', message: 'That username is taken' } }, 409)
          : jsonResponse({ id: 'u1', username: 'ann.turner', maker: null }),
    });
    renderWithApp(<AccountScreen />, { route: '/account' });
    const field = await screen.findByLabelText('Username');
    expect((field as HTMLInputElement).value).toBe('ann');
    const save = screen.getByRole<HTMLButtonElement>('button', { name: 'Save' });
    expect(save.disabled).toBe(true);
    fireEvent.change(field, { target: { value: 'ann.turner' } });
    fireEvent.click(save);
    expect((await screen.findByText('That username is taken. Please try another one.')).textContent).toBeTruthy();
    taken = false;
    fireEvent.click(save);
    expect(await screen.findByText('Username saved')).toBeTruthy();
    const patches = calls.filter((c) => c.method === 'PATCH');
    expect(await patches[1]!.json()).toEqual({ username: 'ann.turner' });
  });
});
