import { describe, expect, it } from 'vitest';
import { notificationKinds, optionalChannels } from './kinds';
import {
  absoluteLink,
  acceptablePushEndpoint,
  channelEnabled,
  defaultChannels,
  preferenceMatrix,
  smsText,
} from './rules';

describe('channel preferences', () => {
  it('defaults: email for what must be acted on, push for what is urgent, SMS only on request', () => {
    expect(channelEnabled('won', 'email', [])).toBe(true);
    expect(channelEnabled('payment_reminder', 'email', [])).toBe(true);
    expect(channelEnabled('shipped', 'email', [])).toBe(true);
    expect(channelEnabled('outbid', 'web_push', [])).toBe(true);
    expect(channelEnabled('ending_soon', 'web_push', [])).toBe(true);
    expect(channelEnabled('outbid', 'email', [])).toBe(false);
    for (const kind of notificationKinds) expect(channelEnabled(kind, 'sms', [])).toBe(false);
  });

  it("the user's choice overrides the default for that kind and channel only", () => {
    const overrides = [
      { kind: 'won' as const, channel: 'email' as const, enabled: false },
      { kind: 'outbid' as const, channel: 'sms' as const, enabled: true },
    ];
    expect(channelEnabled('won', 'email', overrides)).toBe(false);
    expect(channelEnabled('won', 'web_push', overrides)).toBe(true);
    expect(channelEnabled('shipped', 'email', overrides)).toBe(true);
    expect(channelEnabled('outbid', 'sms', overrides)).toBe(true);
  });

  it('the matrix covers every kind and optional channel and marks departures from the default', () => {
    const matrix = preferenceMatrix([{ kind: 'won', channel: 'email', enabled: false }]);
    expect(matrix).toHaveLength(notificationKinds.length * optionalChannels.length);
    expect(matrix.find((e) => e.kind === 'won' && e.channel === 'email')).toEqual({
      kind: 'won',
      channel: 'email',
      enabled: false,
      isDefault: false,
    });
    expect(matrix.filter((e) => !e.isDefault)).toHaveLength(1);
    expect(Object.keys(defaultChannels).sort()).toEqual([...notificationKinds].sort());
  });
});

describe('links', () => {
  it('makes site paths absolute and keeps http(s) URLs', () => {
    expect(absoluteLink('/auctions/1', 'https://m.example')).toBe('https://m.example/auctions/1');
    expect(absoluteLink('https://other.example/x', 'https://m.example')).toBe('https://other.example/x');
    expect(absoluteLink(null, 'https://m.example')).toBeNull();
  });

  it('never produces a script or protocol-relative link', () => {
    expect(absoluteLink('javascript:alert(1)', 'https://m.example')).toBeNull();
    expect(absoluteLink('//evil.example/x', 'https://m.example')).toBeNull();
    expect(absoluteLink('data:text/html,hi', 'https://m.example')).toBeNull();
  });
});

describe('push endpoints', () => {
  it('production accepts public https push services only', () => {
    expect(acceptablePushEndpoint('https://fcm.googleapis.com/fcm/send/abc', true)).toBe(true);
    expect(acceptablePushEndpoint('https://updates.push.services.mozilla.com/wpush/v2/x', true)).toBe(true);
    expect(acceptablePushEndpoint('http://fcm.googleapis.com/fcm/send/abc', true)).toBe(false);
    expect(acceptablePushEndpoint('https://127.0.0.1/push', true)).toBe(false);
    expect(acceptablePushEndpoint('https://[::1]/push', true)).toBe(false);
    expect(acceptablePushEndpoint('https://localhost/push', true)).toBe(false);
    expect(acceptablePushEndpoint('https://metadata.internal/push', true)).toBe(false);
    expect(acceptablePushEndpoint('https://user:pw@fcm.googleapis.com/x', true)).toBe(false);
  });

  it('development also accepts a local http push service', () => {
    expect(acceptablePushEndpoint('http://127.0.0.1:9000/push/1', false)).toBe(true);
    expect(acceptablePushEndpoint('ftp://127.0.0.1/push', false)).toBe(false);
    expect(acceptablePushEndpoint('not a url', false)).toBe(false);
  });
});

describe('SMS text', () => {
  it('fits two segments and always keeps the link whole', () => {
    const link = 'https://m.example/auctions/1';
    const text = smsText('Outbid', 'x'.repeat(1000), link);
    expect(text.length).toBeLessThanOrEqual(320);
    expect(text.endsWith(` ${link}`)).toBe(true);
    expect(smsText('Won', 'Pay now.', null)).toBe('Won: Pay now.');
  });
});
