/**
 * The server writes to each person in their language: the account's language is kept and
 * answered, the sign-in code is written in it, a notification reaches the inbox and the mailbox
 * in it, and the local checkout page is shown in it, with money in that language's format.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../src/composition/runtime';
import {
  bid,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  waitFor,
} from '../src/modules/auctions/test-support';
import { buyNow, enrolTotp, pathOf } from '../src/modules/payments/test-support';
import { apiClient, type Session } from './client';
import { startTestServer } from './harness';

let runtime: Runtime;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  runtime = await startTestServer();
  api = apiClient(runtime);
});
afterAll(async () => runtime?.stop());

/** Spaces as one plain space (money and dates carry no-break spaces in several languages). */
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

interface Me {
  locale: string;
  country: string | null;
}

const setLocale = (session: Session, locale: unknown) =>
  api.call<Me & { error?: { code: string } }>('PATCH', '/v1/me', { token: session.accessToken, body: { locale } });

async function mailTo(address: string, match: (m: { subject: string; text: string }) => boolean) {
  return waitFor(async () => {
    const res = await api.call<{ messages: { subject: string; text: string; sentAt: string }[] }>(
      'GET',
      `/v1/dev/mailbox?to=${encodeURIComponent(address)}`,
    );
    return res.body.messages.find(match);
  });
}

let addresses = 0;
const fresh = (who: string) => `${who}-${Date.now().toString(36)}-${addresses++}@example.com`;
const from = () => `10.88.0.${(addresses % 250) + 1}`;

describe('the account’s language', () => {
  it('is English until chosen; PATCH /v1/me { locale } keeps it and GET /v1/me answers it', async () => {
    const me = await api.signIn(fresh('lang-keep'), { remoteAddress: from() });
    const read = () => api.call<Me>('GET', '/v1/me', { token: me.accessToken });
    expect((await read()).body.locale).toBe('en');
    const set = await setLocale(me, 'pt');
    expect(set.status).toBe(200);
    expect(set.body.locale).toBe('pt');
    // Kept apart from the other fields.
    expect((await read()).body).toMatchObject({ locale: 'pt', country: 'US' });
  });

  it('refuses a language the product does not speak with the stable 400 validation_failed', async () => {
    const me = await api.signIn(fresh('lang-bad'), { remoteAddress: from() });
    for (const locale of ['it', 'pt-PT', 'PT', '', null, 7]) {
      const res = await setLocale(me, locale);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('validation_failed');
    }
    expect((await api.call<Me>('GET', '/v1/me', { token: me.accessToken })).body.locale).toBe('en');
  });
});

describe('the sign-in code', () => {
  it('reaches a Portuguese account in Portuguese', async () => {
    const address = fresh('lang-code-pt');
    const me = await api.signIn(address, { remoteAddress: from() });
    await setLocale(me, 'pt');
    const start = await api.call('POST', '/v1/auth/email/start', { body: { email: address }, remoteAddress: from() });
    expect(start.status).toBe(202);
    const mail = await mailTo(address, (m) => m.subject.includes('código'));
    expect(mail.subject).toMatch(/^O seu código de acesso à Video Window: \d{6}$/);
    expect(mail.text).toMatch(
      /^O seu código de acesso é \d{6}\. É válido durante 10 minutos e só pode ser usado uma vez\./,
    );
    expect(mail.text).toContain('Se não o pediu, ignore esta mensagem.');
    expect(mail.text).not.toMatch(/sign-in|valid for/i);
  });

  it('is written in the language asked for, else the Accept-Language, and a new account starts in it', async () => {
    const german = fresh('lang-code-de');
    await api.call('POST', '/v1/auth/email/start', {
      body: { email: german, locale: 'de' },
      headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
      remoteAddress: from(),
    });
    const deMail = await mailTo(german, () => true);
    expect(deMail.subject).toMatch(/^Dein Anmeldecode für Video Window: \d{6}$/);
    const code = /(\d{6})/.exec(deMail.text)![1]!;
    const signedIn = await api.call<{ accessToken: string; user: Me }>('POST', '/v1/auth/email/verify', {
      body: { email: german, code },
      remoteAddress: from(),
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.locale).toBe('de');

    const french = fresh('lang-code-fr');
    await api.call('POST', '/v1/auth/email/start', {
      body: { email: french },
      headers: { 'accept-language': 'it-IT, fr-CH;q=0.8, en;q=0.5' },
      remoteAddress: from(),
    });
    const frMail = await mailTo(french, () => true);
    expect(frMail.subject).toMatch(/^Votre code de connexion Video Window : \d{6}$/);

    const nobody = fresh('lang-code-none');
    await api.call('POST', '/v1/auth/email/start', { body: { email: nobody }, remoteAddress: from() });
    expect((await mailTo(nobody, () => true)).subject).toMatch(/^Your Video Window sign-in code: \d{6}$/);

    const refused = await api.call<{ error: { code: string } }>('POST', '/v1/auth/email/start', {
      body: { email: fresh('lang-code-bad'), locale: 'it' },
      remoteAddress: from(),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_failed');
  });
});

describe('notifications', () => {
  it('tell a Portuguese bidder they were outbid in Portuguese, in the inbox and by email, in euros as Portugal writes them', async () => {
    const maker = await signInMaker(api, 'lang-maker');
    const storyId = await publishedStory(runtime, api, maker, { minOfferMinor: 100_000, currency: 'EUR' });
    const portuguese = await signIn(api, 'lang-bidder-pt');
    await setLocale(portuguese, 'pt');
    const prefs = await api.call('PUT', '/v1/notifications/preferences', {
      token: portuguese.accessToken,
      body: { items: [{ kind: 'outbid', channel: 'email', enabled: true }] },
    });
    expect(prefs.status).toBe(200);
    const auction = await openAuctionWith(api, storyId, portuguese, 100_000);
    const other = await signIn(api, 'lang-bidder-en');
    expect((await bid(api, auction.id, other, 123_450)).status).toBe(201);

    // The inbox, read by the recipient: in their account's language, whatever their app asks for.
    const outbid = await waitFor(async () => {
      const inbox = await api.call<{ items: { kind: string; title: string; body: string }[] }>(
        'GET',
        '/v1/notifications',
        { token: portuguese.accessToken, headers: { 'accept-language': 'de-DE' } },
      );
      return inbox.body.items.find((n) => n.kind === 'outbid');
    });
    expect(outbid.title).toBe('A sua licitação foi ultrapassada');
    expect(plain(outbid.body)).toBe('A licitação mais alta é agora de 1234,50 €.');

    // The email: the same words, the button and the footer in Portuguese too.
    const me = await api.call<{ email: string }>('GET', '/v1/me', { token: portuguese.accessToken });
    const mail = await mailTo(me.body.email, (m) => m.subject === 'A sua licitação foi ultrapassada');
    expect(plain(mail.text)).toContain('A licitação mais alta é agora de 1234,50 €.');
    expect(mail.text).toContain('Licitar de novo: ');
    expect(mail.text).toContain('Escolher os emails que recebe: ');

    // What is stored stays English, for what reads the row directly.
    const stored = await runtime.ctx.pool.query<{ title: string; message_key: string }>(
      `select title, message_key from notifications.notifications where user_id = $1 and kind = 'outbid'`,
      [portuguese.userId],
    );
    expect(stored.rows[0]).toEqual({ title: 'You were outbid', message_key: 'auctions.outbid' });

    // A language changed later is the one the inbox speaks from then on.
    await setLocale(portuguese, 'fr');
    const later = await api.call<{ items: { kind: string; title: string; body: string }[] }>(
      'GET',
      '/v1/notifications',
      { token: portuguese.accessToken },
    );
    const again = later.body.items.find((n) => n.kind === 'outbid')!;
    expect(again.title).toBe('Votre enchère a été dépassée');
    expect(plain(again.body)).toBe('L’enchère la plus haute est maintenant de 1 234,50 €.');
  });
});

describe('the local checkout page', () => {
  it('is in Portuguese for a Portuguese payer, money in the Portuguese format and <html lang="pt">', async () => {
    const maker = await signInMaker(api, 'lang-seller');
    await enrolTotp(runtime, api, maker);
    const storyId = await publishedStory(runtime, api, maker, {
      minOfferMinor: 100_000,
      currency: 'EUR',
      buyNowMinor: 123_450,
    });
    const buyer = await signIn(api, 'lang-payer');
    await setLocale(buyer, 'pt');
    const window = await buyNow(api, buyer, storyId, 'FR');
    const page = await runtime.app!.inject({
      method: 'GET',
      url: pathOf(window.checkoutUrl!),
      headers: { 'accept-language': 'en-US' },
    });
    expect(page.statusCode).toBe(200);
    const html = plain(page.body);
    expect(html).toContain('<html lang="pt">');
    expect(html).toContain('<h1>Pagamento</h1>');
    expect(html).toContain('<dt>Artigo</dt><dd>1234,50 €</dd>');
    expect(html).toContain('<dt>Envio para FR</dt><dd>Grátis</dd>');
    expect(html).toContain('Pagar 1234,50 €');
    expect(html).toContain('Endereço de envio');
    expect(html).toContain('Moeda: EUR. Pague antes de <time datetime=');
    expect(html).not.toMatch(/Checkout|Shipping address|Pay before/);

    // A payer who has not chosen a language gets the one their browser asks for.
    const undecided = await signIn(api, 'lang-payer-browser');
    const other = await buyNow(
      api,
      undecided,
      await publishedStory(runtime, api, maker, {
        minOfferMinor: 100_000,
        currency: 'EUR',
        buyNowMinor: 123_450,
      }),
      'FR',
    );
    const german = await runtime.app!.inject({
      method: 'GET',
      url: pathOf(other.checkoutUrl!),
      headers: { 'accept-language': 'de-DE,de;q=0.9' },
    });
    expect(plain(german.body)).toContain('<html lang="de">');
    expect(plain(german.body)).toContain('1.234,50 €');
  });
});
