/**
 * Test support only (not exported from index): random auctions for the property tests. A scenario
 * is a currency, a configuration, an opening, an optional reserve and up to 40 bidder moves; the
 * moves are read against the live state (amounts relative to the minimum next bid), so most are
 * accepted and the rest hit every refusal.
 */
import fc from 'fast-check';
import {
  maximumOf,
  nextBidMinimum,
  incrementRuleOf,
  type AuctionRulesConfig,
  type AuctionState,
} from './auction-state';
import type { AuctionRuleResult } from './auction-events';
import { wholeUnitMinor } from '@vw/domain';
import { placeBid, type PlaceBidInput } from './place-bid';
import { modelAuction, type ModelRequest } from './reference-model';
import { startAuction, T0, TEST_CONFIG } from './test-fixtures';

const BIDDERS = ['b0', 'b1', 'b2', 'b3'];
/** A plain "+7 minor units" rule: proves the rules rely only on the increment rule's contract. */
const FLAT_CONFIG: AuctionRulesConfig = { ...TEST_CONFIG, incrementRule: (high) => high + 7 };

const stepArb = fc.record({
  who: fc.oneof(
    { weight: 15, arbitrary: fc.integer({ min: 0, max: BIDDERS.length - 1 }) },
    { weight: 1, arbitrary: fc.constant(-1) },
  ),
  timing: fc.oneof(
    { weight: 10, arbitrary: fc.constant('wait' as const) },
    { weight: 3, arbitrary: fc.constant('soft_close_window' as const) },
    { weight: 1, arbitrary: fc.constant('at_end' as const) },
    { weight: 1, arbitrary: fc.constant('just_before_end' as const) },
  ),
  waitMs: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 5_000 }) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 300_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 2_400_000 }) },
  ),
  // Amounts are drawn in hundredths of a whole unit, so every currency sees comparable auctions.
  amountOffset: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 30_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: -2_000, max: -1 }) },
  ),
  maxExtra: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -500, max: -1 })),
  withMax: fc.boolean(),
  /** Give exactly the leader's maximum, to exercise "equal maximums: the earlier leads". */
  matchLeaderMax: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  repeat: fc.oneof({ weight: 20, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

export const scenarioArb = fc.record({
  currency: fc.constantFrom('USD', 'JPY', 'KWD'),
  config: fc.oneof(
    { weight: 5, arbitrary: fc.constant(TEST_CONFIG) },
    { weight: 1, arbitrary: fc.constant(FLAT_CONFIG) },
  ),
  opening: fc.integer({ min: 100, max: 60_000 }),
  reserve: fc.option(fc.integer({ min: 100, max: 150_000 }), { nil: null }),
  steps: fc.array(stepArb, { maxLength: 40 }),
});

export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

export interface Step {
  before: AuctionState;
  /** A deep copy of `before` taken before the call, to prove the rule did not mutate it. */
  snapshot: AuctionState;
  now: Date;
  input: PlaceBidInput;
  repeat: boolean;
  result: AuctionRuleResult;
}

export interface Trace {
  scenario: Scenario;
  reserveMinor: number | null;
  steps: Step[];
  /** Every accepted request (the opening first), in order, as the model sees them. */
  accepted: Array<ModelRequest & { id: string }>;
  final: AuctionState;
  lastNow: Date;
}

/** Plays a scenario through `placeBid`, recording every call and the requests it accepted. */
export function simulate(scenario: Scenario): Trace {
  const { config, currency } = scenario;
  const inMinor = (hundredths: number): number => Math.round((hundredths * wholeUnitMinor(currency)) / 100);
  const openingMinor = Math.max(1, inMinor(scenario.opening));
  const reserveMinor = scenario.reserve === null ? null : Math.max(1, inMinor(scenario.reserve));
  let state = startAuction({ openingMinor, reserveMinor, currency, config });
  const accepted: Trace['accepted'] = [
    { id: 'opening', bidderId: 'opener', amountMinor: openingMinor, maxAmountMinor: openingMinor },
  ];
  const steps: Step[] = [];
  let now = T0.getTime();
  let lastAccepted: PlaceBidInput | null = null;

  scenario.steps.forEach((step, index) => {
    const end = state.endsAt.getTime();
    const target = {
      wait: now + step.waitMs,
      soft_close_window: end - config.softCloseSeconds * 1000 + (step.waitMs % (config.softCloseSeconds * 1000)),
      at_end: end,
      just_before_end: end - 1,
    }[step.timing];
    now = Math.max(now, target); // time never runs backwards
    const bidderId = step.who < 0 ? state.makerId : (BIDDERS[step.who] ?? 'b0');
    let input: PlaceBidInput;
    if (step.repeat && lastAccepted !== null) {
      input = lastAccepted;
    } else {
      const amountMinor = Math.max(1, nextBidMinimum(state, config) + inMinor(step.amountOffset));
      const ownMax = maximumOf(state.maxima, bidderId)?.maxAmountMinor ?? 0;
      const leaderMax = state.leaderId === null ? undefined : maximumOf(state.maxima, state.leaderId)?.maxAmountMinor;
      const maxAmountMinor =
        step.matchLeaderMax && leaderMax !== undefined
          ? leaderMax
          : step.withMax
            ? Math.max(1, Math.max(amountMinor, ownMax) + inMinor(step.maxExtra))
            : undefined;
      input = {
        bidId: `r${index}`,
        bidderId,
        amountMinor,
        ...(maxAmountMinor === undefined ? {} : { maxAmountMinor }),
      };
    }
    const before = state;
    const snapshot = structuredClone(before);
    const result = placeBid(before, input, new Date(now), config);
    steps.push({ before, snapshot, now: new Date(now), input, repeat: input === lastAccepted, result });
    if (result.ok && input !== lastAccepted) {
      accepted.push({
        id: input.bidId,
        bidderId,
        amountMinor: input.amountMinor,
        maxAmountMinor: input.maxAmountMinor ?? input.amountMinor,
      });
      lastAccepted = input;
      state = result.state;
    }
  });
  return { scenario, reserveMinor, steps, accepted, final: state, lastNow: new Date(now) };
}

/** The reference model's answer for a trace (by default over every accepted request). */
export function model(trace: Trace, requests: readonly ModelRequest[] = trace.accepted) {
  const { currency, config } = trace.scenario;
  return modelAuction(requests, { reserveMinor: trace.reserveMinor, currency, increment: incrementRuleOf(config) });
}

/** Non-voided shown bids in acceptance order. */
export function shown(state: AuctionState) {
  return state.bids.filter((bid) => bid.kind !== 'max_raise' && !bid.voided).sort((a, b) => a.sequence - b.sequence);
}
