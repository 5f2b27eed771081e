import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import HelpScreen from './help-screen';
import PrivacyScreen from './privacy-screen';
import TermsScreen from './terms-screen';

const text = () => document.body.textContent ?? '';

describe('help, terms and privacy', () => {
  it('help explains offers, proxy bids, soft close, the 24-hour payment window, shipping, confirmation and payouts', () => {
    renderWithApp(<HelpScreen />, { route: '/help' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/how video window works/i);
    for (const topic of [
      'Offers',
      'Auctions and bidding',
      'Paying: the 24-hour window',
      'Shipping and confirming delivery',
      'For makers: payouts',
    ]) {
      expect(screen.getByRole('heading', { level: 2, name: topic })).toBeTruthy();
    }
    expect(text()).toMatch(/Proxy bidding/);
    expect(text()).toMatch(/Soft close: a bid in the last 10 minutes/);
    expect(text()).toMatch(/14 days after shipping/);
  });

  it('privacy says what is kept and why, and how to export and delete it', () => {
    renderWithApp(<PrivacyScreen />, { route: '/privacy' });
    expect(screen.getByRole('heading', { level: 2, name: 'What we keep and why' })).toBeTruthy();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Download your data' }).nextElementSibling?.textContent,
    ).toMatch(/Download my data/);
    expect(
      screen.getByRole('heading', { level: 2, name: 'Delete your account' }).nextElementSibling?.textContent,
    ).toMatch(/Delete my account/);
    expect(text()).toMatch(/encrypted/);
  });

  it('each page links to the other two', () => {
    renderWithApp(<TermsScreen />, { route: '/terms' });
    expect(screen.getByRole('heading', { level: 2, name: 'Offers and bids are binding' })).toBeTruthy();
    const links = screen.getByRole('navigation', { name: 'About Video Window' }).querySelectorAll('a');
    expect([...links].map((a) => a.getAttribute('href'))).toEqual(['/help', '/terms', '/privacy']);
  });
});
