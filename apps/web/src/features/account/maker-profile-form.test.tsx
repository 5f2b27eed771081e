import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render';
import { serve } from '../../test/signed-in';
import { MakerProfileForm } from './maker-profile-form';

const profile = {
  userId: '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44',
  displayName: 'Loom Room',
  bio: null,
  city: 'Galway',
  country: 'IE',
  avatarUrl: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('MakerProfileForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('saves the name, bio, city and country through PATCH /v1/makers/me', async () => {
    const bodies: unknown[] = [];
    serve({
      'PATCH /v1/makers/me': async (request) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        return jsonResponse({ ...profile, ...body });
      },
    });
    renderWithApp(<MakerProfileForm profile={profile} />);
    fireEvent.change(screen.getByLabelText('Bio'), { target: { value: 'Hand-woven wool' } });
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'pt' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText('Profile saved.');
    expect(bodies).toEqual([{ displayName: 'Loom Room', bio: 'Hand-woven wool', city: 'Galway', country: 'PT' }]);
  });

  it('does not send a country that is not a two-letter code, and says why', async () => {
    const calls = serve({});
    renderWithApp(<MakerProfileForm profile={profile} />);
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'I' } });
    expect(screen.getByText('Use the two-letter country code.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save profile' }).disabled).toBe(true);
    await waitFor(() => expect(calls).toEqual([]));
  });
});
