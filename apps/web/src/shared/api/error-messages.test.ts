import { afterEach, describe, expect, it, vi } from 'vitest';
import { activateLocale, i18n } from '../i18n/i18n';
import { ApiError, apiErrorFrom, messageOf, networkError } from './api-error';
import { ERROR_MESSAGES, errorText, isErrorCode } from './error-messages';

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('what an API error says to people', () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await activateLocale('en');
  });

  it('gives a known code the sentence of its own, not the server’s wording', async () => {
    const error = await apiErrorFrom(
      json({ error: { code: 'auction_ended', message: 'This auction has ended' } }, 409),
    );
    expect(error).toMatchObject({ status: 409, code: 'auction_ended', message: 'This auction has ended' });
    expect(messageOf(error)).toBe('This auction has ended.');
    expect(messageOf(new ApiError(409, 'username_taken', 'That username is taken'))).toBe(
      'That username is taken. Please try another one.',
    );
  });

  it('falls back to the server’s message for a code this app does not know yet', () => {
    const error = new ApiError(422, 'brand_new_refusal', 'The server explains this one itself.');
    expect(isErrorCode(error.code)).toBe(false);
    expect(messageOf(error)).toBe('The server explains this one itself.');
  });

  it('names what the details carry: the lowest bid that counts, in the screen’s currency', () => {
    const tooLow = new ApiError(422, 'bid_too_low', 'The bid is below the minimum next bid', {
      minNextBidMinor: 10_600,
    });
    expect(messageOf(tooLow, { currency: 'USD' })).toBe(
      'Your bid is below the minimum next bid. Bid at least $106.00.',
    );
    // Without a currency the amount cannot be shown: the plain sentence still says what to do.
    expect(messageOf(tooLow)).toBe(
      'Your bid is below the minimum next bid. Someone may have bid first: check the new minimum and try again.',
    );
    const capped = new ApiError(422, 'bid_above_new_buyer_cap', 'Until …', {
      capMinor: 100_000,
      currency: 'USD',
      multiple: 10,
    });
    expect(messageOf(capped)).toBe('Until your first purchase is paid, you can bid or offer at most $1,000.00 here.');
    expect(errorText('offer_below_minimum', { minOfferMinor: 9_000, currency: 'USD' })).toBe(
      'Your offer is below the minimum for this story. Offer at least $90.00.',
    );
    expect(errorText('too_many_payment_windows', { maxOpenWindows: 1 })).toBe(
      'You already have 1 piece waiting for payment. Pay for it before buying another.',
    );
    expect(errorText('captions_empty_cue', { index: 2 })).toBe('Caption 3 has no text. Add its text or remove it.');
    expect(errorText('not_shipped_to_country', { country: 'JP' })).toBe('This piece doesn’t ship to Japan.');
    expect(errorText('upload_too_large', { maxBytes: 500_000_000 })).toBe(
      'This file is too large. It can be at most 500 MB.',
    );
  });

  it('ignores details that are not what the sentence needs', () => {
    expect(errorText('bid_too_low', { minNextBidMinor: 'lots', currency: 'USD' })).toBe(
      i18n._(ERROR_MESSAGES.bid_too_low),
    );
    expect(errorText('captions_empty_cue', ['not', 'details'])).toBe(
      'A caption has no text. Add its text or remove it.',
    );
  });

  it('says what a network failure, an answer without the error body and a non-error mean', () => {
    expect(messageOf(networkError(new TypeError('Failed to fetch')))).toBe(
      'No connection to the server. Check your network and try again.',
    );
    expect(messageOf(new ApiError(502, 'http_502', 'ignored'))).toBe(
      'The service is briefly unavailable. Please try again in a moment.',
    );
    expect(messageOf(new ApiError(404, 'http_404', 'ignored'))).toBe(
      'This could not be found. It may have been removed.',
    );
    expect(messageOf(new Error('A local failure, already written for people.'))).toBe(
      'A local failure, already written for people.',
    );
    expect(messageOf('thrown text')).toBe('Something went wrong. Please try again.');
  });

  it('reads in Portuguese, with the amount written the Portuguese way', async () => {
    // A viewer in Portugal: the browser's regional tag formats the amount.
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['pt-PT', 'en']);
    await activateLocale('pt');
    const tooLow = new ApiError(422, 'bid_too_low', 'The bid is below the minimum next bid', {
      minNextBidMinor: 123_450,
    });
    expect(messageOf(tooLow, { currency: 'EUR' })).toBe(
      'A sua licitação está abaixo da licitação mínima seguinte. Faça uma licitação de pelo menos 1234,50\u00a0€.',
    );
    expect(messageOf(new ApiError(409, 'auction_ended', 'This auction has ended'))).toBe('Este leilão terminou.');
    expect(messageOf(networkError(null))).toBe('Sem ligação ao servidor. Verifique a sua rede e tente novamente.');
    expect(errorText('too_many_payment_windows', { maxOpenWindows: 2 })).toBe(
      'Já tem 2 peças à espera de pagamento. Pague uma delas antes de comprar outra.',
    );
  });

  it('has a sentence for every code, in every language', async () => {
    for (const locale of ['en', 'pt', 'es', 'fr', 'de'] as const) {
      await activateLocale(locale);
      for (const code of Object.keys(ERROR_MESSAGES)) {
        if (!isErrorCode(code)) throw new Error(`${code} is not a code`);
        const text = errorText(code);
        expect(text.length, `${locale} ${code}`).toBeGreaterThan(10);
        if (locale !== 'en') {
          // A language that falls back to English would show the source sentence.
          expect(text, `${locale} ${code}`).not.toBe(ERROR_MESSAGES[code].message);
        }
      }
    }
  });
});
