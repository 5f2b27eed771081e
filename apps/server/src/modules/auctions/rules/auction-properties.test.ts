/**
 * Property tests: thousands of random bid sequences, checked against the from-scratch reference
 * model (`reference-model.ts`) and the auction's invariants: rising shown amounts, an end that
 * never moves earlier, one winner at the model's price, voids that recompute consistently.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incrementRuleOf, nextBidMinimum } from './auction-state';
import { rankMaxima } from './bid-book';
import { endAuction } from './end-auction';
import { model, scenarioArb, shown, simulate } from './random-auctions';
import type { ModelRequest } from './reference-model';
import { voidBid } from './void-bid';

const RUNS = 500; // per property; six properties → 3000 random auctions

describe('auction rules against the reference model', () => {
  it('shows strictly rising amounts; typed bids clear the minimum next bid; proxies clear the maximum they beat by an increment unless capped', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const trace = simulate(scenario);
        const increment = incrementRuleOf(scenario.config);
        for (const { before, snapshot, input, result, repeat } of trace.steps) {
          expect(before).toEqual(snapshot);
          if (!result.ok) continue;
          if (repeat) {
            expect(result.state).toBe(before);
            expect(result.events).toEqual([]);
            continue;
          }
          const added = result.state.bids.slice(before.bids.length).filter((bid) => bid.kind !== 'max_raise');
          const othersTopMax = (bidderId: string): number =>
            Math.max(
              0,
              ...result.state.maxima
                .filter((entry) => entry.bidderId !== bidderId)
                .map((entry) => entry.maxAmountMinor),
            );
          let previous = before.highBidMinor ?? 0;
          for (const bid of added) {
            expect(bid.amountMinor).toBeGreaterThan(previous);
            if (bid.kind === 'proxy') {
              const capped = bid.amountMinor === bid.maxAmountMinor || bid.amountMinor === trace.reserveMinor;
              const beatsByIncrement = bid.amountMinor >= increment(othersTopMax(bid.bidderId), scenario.currency);
              expect(capped || beatsByIncrement).toBe(true);
            } else {
              expect(bid.amountMinor).toBe(input.amountMinor);
              expect(bid.amountMinor).toBeGreaterThanOrEqual(nextBidMinimum(before, scenario.config));
            }
            previous = bid.amountMinor;
          }
          if (added.length === 0) expect(result.state.highBidMinor).toBe(before.highBidMinor);
          else expect(result.state.highBidMinor).toBe(previous);
        }
        const amounts = shown(trace.final).map((bid) => bid.amountMinor);
        amounts.slice(1).forEach((amount, index) => expect(amount).toBeGreaterThan(amounts[index] ?? 0));
      }),
      { numRuns: RUNS },
    );
  });

  it('agrees with the model on the leader, the high bid and every maximum; the high bid stays between runner-up and leader maximums', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const trace = simulate(scenario);
        const accepted: ModelRequest[] = [trace.accepted[0] as ModelRequest];
        for (const { result, repeat, input } of trace.steps) {
          if (!result.ok || repeat) continue;
          accepted.push({
            bidderId: input.bidderId,
            amountMinor: input.amountMinor,
            maxAmountMinor: input.maxAmountMinor ?? input.amountMinor,
          });
          const expected = model(trace, accepted);
          const state = result.state;
          expect(state.leaderId).toBe(expected.leaderId);
          expect(state.highBidMinor).toBe(expected.highBidMinor);
          expect(new Map(state.maxima.map((entry) => [entry.bidderId, entry.maxAmountMinor]))).toEqual(expected.maxima);
          const [leader, runnerUp] = rankMaxima(state.maxima);
          expect(state.highBidMinor).toBeLessThanOrEqual(leader?.maxAmountMinor ?? 0);
          if (runnerUp !== undefined) expect(state.highBidMinor).toBeGreaterThanOrEqual(runnerUp.maxAmountMinor);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('accepts nothing at or after the end', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const trace = simulate(scenario);
        for (const { before, now, result, repeat } of trace.steps) {
          if (repeat || now.getTime() < before.endsAt.getTime()) continue;
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.code).toBe('auction_ended');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never moves the end earlier, and extends exactly to bid time + soft close for bids shown in the window', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const trace = simulate(scenario);
        const softCloseMs = scenario.config.softCloseSeconds * 1000;
        for (const { before, now, result, repeat } of trace.steps) {
          if (!result.ok || repeat) continue;
          const after = result.state.endsAt.getTime();
          const shownSomething = result.state.bids.slice(before.bids.length).some((bid) => bid.kind !== 'max_raise');
          const inWindow = now.getTime() + softCloseMs > before.endsAt.getTime();
          expect(after).toBeGreaterThanOrEqual(before.endsAt.getTime());
          expect(after).toBe(shownSomething && inWindow ? now.getTime() + softCloseMs : before.endsAt.getTime());
          expect(result.events.some((event) => event.type === 'extended')).toBe(after !== before.endsAt.getTime());
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('ends with exactly one winner, the model’s leader at the model’s price, when the reserve is met', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const trace = simulate(scenario);
        const expected = model(trace);
        const endsAt = trace.final.endsAt;
        expect(endAuction(trace.final, new Date(endsAt.getTime() - 1), scenario.config).ok).toBe(false);
        const now = new Date(Math.max(trace.lastNow.getTime(), endsAt.getTime()));
        const result = endAuction(trace.final, now, scenario.config);
        if (!result.ok) throw new Error(result.code);
        const windows = result.events.filter((event) => event.type === 'payment_window_opened');
        const reserveMet = trace.reserveMinor === null || (expected.highBidMinor ?? 0) >= trace.reserveMinor;
        if (reserveMet) {
          expect(result.state).toMatchObject({
            status: 'awaiting_payment',
            winnerId: expected.leaderId,
            winningAmountMinor: expected.highBidMinor,
          });
          expect(windows).toHaveLength(1);
        } else {
          expect(result.state).toMatchObject({ status: 'ended', winnerId: null });
          expect(result.state.makerDecisionDeadline).not.toBeNull();
          expect(windows).toHaveLength(0);
        }
        expect(endAuction(result.state, new Date(now.getTime() + 1), scenario.config)).toEqual({
          ok: true,
          state: result.state,
          events: [],
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('voiding any bid recomputes what the model says without that bid, and the shown history stays consistent', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (scenario, pick) => {
        const trace = simulate(scenario);
        const victim = trace.accepted[pick % trace.accepted.length];
        if (victim === undefined) throw new Error('the opening is always accepted');
        const before = structuredClone(trace.final);
        const result = voidBid(trace.final, victim.id, trace.lastNow, scenario.config);
        if (!result.ok) throw new Error(result.code);
        expect(trace.final).toEqual(before);
        const expected = model(
          trace,
          trace.accepted.filter((request) => request.id !== victim.id),
        );
        expect(result.state.leaderId).toBe(expected.leaderId);
        expect(result.state.highBidMinor).toBe(expected.highBidMinor);
        expect(new Map(result.state.maxima.map((entry) => [entry.bidderId, entry.maxAmountMinor]))).toEqual(
          expected.maxima,
        );
        const amounts = shown(result.state).map((bid) => bid.amountMinor);
        amounts.slice(1).forEach((amount, index) => expect(amount).toBeGreaterThan(amounts[index] ?? 0));
        expect(amounts.at(-1) ?? null).toBe(expected.highBidMinor);
        expect(shown(result.state).some((bid) => bid.id === victim.id)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});
