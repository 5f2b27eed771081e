import type { ShippingPolicy, StoryCategory } from '@vw/domain';
import type { CreateStoryInput } from './schemas';

/** Shipping as a maker would price it: cheaper at home, a flat price abroad. */
function shipsFrom(fromCountry: string): ShippingPolicy {
  return {
    fromCountry,
    options: [
      { region: 'domestic', amountMinor: 1_200, dispatchDays: 3 },
      { region: 'international', amountMinor: 3_500, dispatchDays: 5 },
    ],
  };
}

/** A lavfi source the demo video is drawn from (all built into ffmpeg, no files needed). */
export type DemoPattern = 'testsrc2' | 'mandelbrot' | 'life' | 'cellauto';

export interface DemoMaker {
  key: string;
  email: string;
  displayName: string;
  bio: string;
  city: string;
  country: string;
}

export interface DemoStory {
  makerKey: string;
  pattern: DemoPattern;
  story: CreateStoryInput & { category: StoryCategory };
}

/** Three makers; they can sign in with these addresses through the development mailbox. */
export const DEMO_MAKERS: DemoMaker[] = [
  {
    key: 'mara',
    email: 'mara.clay@demo.video-window.local',
    displayName: 'Mara Okafor Ceramics',
    bio: 'Wheel-thrown stoneware fired in a wood kiln on the coast.',
    city: 'Porto',
    country: 'PT',
  },
  {
    key: 'jonas',
    email: 'jonas.wood@demo.video-window.local',
    displayName: 'Jonas Lind Woodworks',
    bio: 'Green-wood spoons, bowls and stools, all hand tools.',
    city: 'Uppsala',
    country: 'SE',
  },
  {
    key: 'ines',
    email: 'ines.glass@demo.video-window.local',
    displayName: 'Ines Duarte Glass & Metal',
    bio: 'Lampworked glass and forged silver, one piece at a time.',
    city: 'Oaxaca',
    country: 'MX',
  },
];

const steps = (...pairs: [string, string][]) => pairs.map(([title, body]) => ({ title, body }));

/** Six stories, one demo video each. Amounts are minor units (cents). */
export const DEMO_STORIES: DemoStory[] = [
  {
    makerKey: 'mara',
    pattern: 'testsrc2',
    story: {
      title: 'Ash-glazed moon jar',
      description: 'A 30 cm moon jar thrown in two halves and joined, glazed with ash from the kiln itself.',
      category: 'ceramics',
      processSteps: steps(
        ['Throwing the halves', 'Two wide bowls thrown from 4 kg each, left to stiffen overnight.'],
        ['Joining', 'The rims are scored, slipped and pressed together, then the seam is thrown smooth.'],
        ['Wood firing', 'Three days in the anagama; the ash melts into a green run down one side.'],
      ),
      materials: ['stoneware clay', 'wood-ash glaze'],
      notes: 'Every jar leans a little; this one leans towards the fire.',
      location: { city: 'Porto', country: 'PT', lat: 41.1496, lng: -8.611 },
      shipping: shipsFrom('PT'),
      offerPolicy: { minOfferMinor: 18_000, currency: 'USD', autoRejectBelowMin: true },
      reserveMinor: 24_000,
      buyNowMinor: 42_000,
    },
  },
  {
    makerKey: 'mara',
    pattern: 'mandelbrot',
    story: {
      title: 'Set of four tea bowls',
      description: 'Chawan-style bowls with a shino glaze, each fitting one pair of hands.',
      category: 'ceramics',
      processSteps: steps(['Trimming', 'Each foot ring is cut by hand so the bowls sit slightly differently.']),
      materials: ['porcelain', 'shino glaze'],
      location: { city: 'Porto', country: 'PT' },
      shipping: shipsFrom('PT'),
      offerPolicy: { minOfferMinor: 9_000, currency: 'USD', autoRejectBelowMin: false },
    },
  },
  {
    makerKey: 'jonas',
    pattern: 'life',
    story: {
      title: 'Birch kuksa carved from a burl',
      description: 'A traditional cup carved from one birch burl, finished with food-safe oil.',
      category: 'woodwork',
      processSteps: steps(
        ['Finding the burl', 'A storm-felled birch gave a burl the size of a fist.'],
        ['Hollowing', 'Axe, then hook knife; the handle follows the grain.'],
      ),
      materials: ['birch burl', 'linseed oil'],
      location: { city: 'Uppsala', country: 'SE', lat: 59.8586, lng: 17.6389 },
      shipping: shipsFrom('SE'),
      offerPolicy: { minOfferMinor: 7_500, currency: 'USD', autoRejectBelowMin: true },
      buyNowMinor: 15_000,
    },
  },
  {
    makerKey: 'jonas',
    pattern: 'cellauto',
    story: {
      title: 'Three-legged milking stool',
      description: 'Riven ash legs wedged through a split-oak seat; no glue, no screws.',
      category: 'woodwork',
      processSteps: steps(['Riving', 'The legs are split, not sawn, so the grain runs their full length.']),
      materials: ['ash', 'oak'],
      location: { city: 'Uppsala', country: 'SE' },
      shipping: shipsFrom('SE'),
      offerPolicy: { minOfferMinor: 20_000, currency: 'USD', autoRejectBelowMin: true },
      reserveMinor: 26_000,
    },
  },
  {
    makerKey: 'ines',
    pattern: 'mandelbrot',
    story: {
      title: 'Lampworked glass pendant',
      description: 'Borosilicate glass with a silver-fumed core that shifts from blue to gold.',
      category: 'glass',
      processSteps: steps(['At the torch', 'Silver is fumed onto the core before it is cased in clear glass.']),
      materials: ['borosilicate glass', 'fine silver'],
      location: { city: 'Oaxaca', country: 'MX', lat: 17.0732, lng: -96.7266 },
      shipping: shipsFrom('MX'),
      offerPolicy: { minOfferMinor: 6_000, currency: 'USD', autoRejectBelowMin: true },
      buyNowMinor: 12_000,
    },
  },
  {
    makerKey: 'ines',
    pattern: 'testsrc2',
    story: {
      title: 'Forged silver cuff',
      description: 'Hammered sterling silver, forged cold from a single bar.',
      category: 'jewelry',
      processSteps: steps(['Forging', 'Annealed five times between rounds of hammering.']),
      materials: ['sterling silver'],
      location: { city: 'Oaxaca', country: 'MX' },
      shipping: shipsFrom('MX'),
      offerPolicy: { minOfferMinor: 15_000, currency: 'USD', autoRejectBelowMin: false },
      reserveMinor: 21_000,
    },
  },
];
