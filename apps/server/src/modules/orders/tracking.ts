/**
 * Tracking links for the carriers people ship handmade pieces with (UPS, USPS, FedEx, DHL, Royal
 * Mail, CTT, La Poste). The maker types the carrier's name and the number; a link is offered only
 * when the number has the shape that carrier uses, so a typo gives plain text, never a link to
 * someone else's parcel page. A carrier left unnamed (or named "post", "other", …) is still
 * recognised from numbers only one carrier issues: UPS's `1Z…` and the international postal
 * numbers `AA123456789CC`, whose last two letters name the country's post.
 */

interface Carrier {
  name: string;
  /** Names and abbreviations makers type, lower case, without spaces or punctuation. */
  aliases: readonly string[];
  /** What this carrier's numbers look like (normalised: upper case, no spaces or dashes). */
  numbers: readonly RegExp[];
  url(number: string): string;
}

/** The Universal Postal Union's S10 number: two letters, eight digits and a check digit, the country. */
const postal = (country: string) => new RegExp(`^[A-Z]{2}\\d{9}${country}$`);

const CARRIERS: readonly Carrier[] = [
  {
    name: 'UPS',
    aliases: ['ups', 'unitedparcelservice'],
    numbers: [/^1Z[0-9A-Z]{16}$/, /^\d{9}$/, /^\d{12}$/, /^T\d{10}$/],
    url: (n) => `https://www.ups.com/track?tracknum=${n}`,
  },
  {
    name: 'USPS',
    aliases: ['usps', 'unitedstatespostalservice', 'uspostalservice'],
    numbers: [/^9\d{19,21}$/, /^\d{20}$/, postal('US')],
    url: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  },
  {
    name: 'FedEx',
    aliases: ['fedex', 'federalexpress'],
    numbers: [/^\d{12}$/, /^\d{15}$/, /^\d{20}$/, /^\d{22}$/],
    url: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  },
  {
    name: 'DHL',
    aliases: ['dhl', 'dhlexpress', 'dhlparcel', 'dhlecommerce'],
    numbers: [/^\d{10}$/, /^JJD\d{10,20}$/, /^JVGL\d{10,20}$/, /^[A-Z0-9]{12,24}$/],
    url: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}`,
  },
  {
    name: 'Royal Mail',
    aliases: ['royalmail', 'rm', 'parcelforce'],
    numbers: [postal('GB'), /^[A-Z]{2}\d{7}[A-Z]{2}$/],
    url: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}`,
  },
  {
    name: 'CTT',
    aliases: ['ctt', 'cttcorreios', 'correiosdeportugal', 'correios'],
    numbers: [postal('PT'), /^[A-Z]{2}\d{9}[A-Z]{2}$/],
    url: (n) => `https://www.ctt.pt/feapl_2/app/open/objectSearch/objectSearch.jspx?objects=${n}`,
  },
  {
    name: 'La Poste',
    aliases: ['laposte', 'colissimo', 'chronopost', 'lapostecolissimo'],
    numbers: [postal('FR'), /^[0-9A-Z]{11,15}$/],
    url: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${n}`,
  },
];

/** Numbers only one carrier issues, recognised whatever carrier name was typed with them. */
const UNAMBIGUOUS: readonly { carrier: string; number: RegExp }[] = [
  { carrier: 'UPS', number: /^1Z[0-9A-Z]{16}$/ },
  { carrier: 'USPS', number: postal('US') },
  { carrier: 'Royal Mail', number: postal('GB') },
  { carrier: 'CTT', number: postal('PT') },
  { carrier: 'La Poste', number: postal('FR') },
];

const alias = (carrier: string) => carrier.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The tracking number as carriers print it varies in spacing and dashes; their sites want neither. */
export function normaliseTrackingNumber(trackingNumber: string): string {
  return trackingNumber.toUpperCase().replace(/[\s-]/g, '');
}

/** The carrier's public tracking page for this shipment, or null when the carrier or number is not recognised. */
export function trackingUrl(carrier: string | null, trackingNumber: string | null): string | null {
  if (!trackingNumber) return null;
  const number = normaliseTrackingNumber(trackingNumber);
  if (!/^[A-Z0-9]{8,34}$/.test(number)) return null;
  const named = carrier ? CARRIERS.find((c) => c.aliases.includes(alias(carrier))) : undefined;
  if (named) return named.numbers.some((shape) => shape.test(number)) ? named.url(number) : null;
  const known = UNAMBIGUOUS.find((u) => u.number.test(number));
  return known ? CARRIERS.find((c) => c.name === known.carrier)!.url(number) : null;
}
