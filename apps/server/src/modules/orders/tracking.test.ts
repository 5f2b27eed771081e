import { describe, expect, it } from 'vitest';
import { trackingUrl } from './tracking';

describe('tracking links', () => {
  it.each([
    ['UPS', '1Z 999 AA1 01 2345 6784', 'https://www.ups.com/track?tracknum=1Z999AA10123456784'],
    [
      'usps',
      '9400 1000 0000 0000 0000 00',
      'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000000',
    ],
    ['FedEx', '1234-5678-9012', 'https://www.fedex.com/fedextrack/?trknbr=123456789012'],
    [
      'DHL Express',
      '1234567890',
      'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567890',
    ],
    ['Royal Mail', 'ab123456785gb', 'https://www.royalmail.com/track-your-item#/tracking-results/AB123456785GB'],
    [
      'CTT Correios',
      'RR123456785PT',
      'https://www.ctt.pt/feapl_2/app/open/objectSearch/objectSearch.jspx?objects=RR123456785PT',
    ],
    ['Colissimo', '6A12345678901', 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901'],
    ['La Poste', 'LA123456785FR', 'https://www.laposte.fr/outils/suivre-vos-envois?code=LA123456785FR'],
  ])('links %s number %s to the carrier’s tracking page', (carrier, number, url) => {
    expect(trackingUrl(carrier, number)).toBe(url);
  });

  it('recognises numbers only one carrier issues whatever the carrier was called', () => {
    expect(trackingUrl('Post office', '1Z999AA10123456784')).toBe(
      'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    );
    expect(trackingUrl('', 'RB123456785GB')).toBe(
      'https://www.royalmail.com/track-your-item#/tracking-results/RB123456785GB',
    );
    expect(trackingUrl(null, 'EE123456785US')).toBe(
      'https://tools.usps.com/go/TrackConfirmAction?tLabels=EE123456785US',
    );
  });

  it('gives no link for an unknown carrier, a number of the wrong shape, or anything that is not a number', () => {
    expect(trackingUrl('Hermes', '12345678901234')).toBeNull();
    expect(trackingUrl('UPS', '12345')).toBeNull();
    expect(trackingUrl('FedEx', '1Z999AA10123456784')).toBeNull();
    expect(trackingUrl('Royal Mail', 'AB123456785US')).toBeNull();
    expect(trackingUrl('UPS', 'javascript:alert(1)')).toBeNull();
    expect(trackingUrl('DHL', '12345678/../../x')).toBeNull();
    expect(trackingUrl('UPS', null)).toBeNull();
  });
});
