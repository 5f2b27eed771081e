/**
 * What the durable timers do when they fire. Each re-reads the auction under its row lock and
 * applies an idempotent rule, so a timer that fires twice, on two workers, or after a restart
 * changes nothing the second time; one that fires early (its end moved) re-arms itself.
 */
import { instant } from '../../../platform/i18n';
import { enqueue } from '../../../platform/jobs';
import { notice } from '../../notifications';
import type { AuctionsDeps } from '../deps';
import { publishLiveAfterCommit } from '../effects/apply-effects';
import { armLapse, jobKeys, TASKS } from '../effects/timers';
import { biddersOf, claimEndingSoon, loadAuction } from '../repo/auction-repo';
import { addSeconds, endAuction, lapse } from '../rules';
import { endingSoonLeadSeconds } from '../timing';
import { auctionMessages } from '../messages';
import { tryTransition } from './transition';

/** The auction's end timer. */
export async function endAuctionTimer(deps: AuctionsDeps, auctionId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const outcome = await tryTransition(deps, tx, auctionId, 'none', ({ state }, now) =>
      endAuction(state, now, deps.rules),
    );
    if (outcome.ok) return publishLiveAfterCommit(deps, tx, outcome.live);
    if (outcome.code === 'auction_not_over') {
      const { state } = outcome.loaded;
      await enqueue(tx, TASKS.end, { auctionId }, { jobKey: jobKeys.end(auctionId), runAt: state.endsAt });
    }
  });
}

/** "Ending soon" to every bidder, once per auction. */
export async function endingSoonTimer(deps: AuctionsDeps, auctionId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const loaded = await loadAuction(tx, auctionId, { lock: true, bids: 'none' });
    if (loaded === null || loaded.state.status !== 'active') return;
    const { state } = loaded;
    const now = deps.clock.now();
    const soonAt = addSeconds(state.endsAt, -endingSoonLeadSeconds(deps.rules.auctionDurationSeconds));
    if (now.getTime() < soonAt.getTime()) {
      await enqueue(tx, TASKS.endingSoon, { auctionId }, { jobKey: jobKeys.endingSoon(auctionId), runAt: soonAt });
      return;
    }
    if (!(await claimEndingSoon(tx, auctionId, now))) return;
    for (const userId of await biddersOf(tx, auctionId)) {
      await deps.notifications.notify(tx, {
        userId,
        kind: 'ending_soon',
        message: notice(auctionMessages, 'endingSoon', { endsAt: instant(state.endsAt) }),
        link: `/stories/${state.storyId}`,
        data: { auctionId, storyId: state.storyId },
        dedupeKey: `ending_soon:${auctionId}`,
      });
    }
  });
}

/** The end of the maker's decision window after "reserve not met". */
export async function makerDecisionLapseTimer(deps: AuctionsDeps, auctionId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const outcome = await tryTransition(deps, tx, auctionId, 'none', ({ state }, now) => lapse(state, now));
    if (outcome.ok) return publishLiveAfterCommit(deps, tx, outcome.live);
    const deadline = outcome.loaded.state.makerDecisionDeadline;
    if (outcome.code === 'decision_window_open' && deadline !== null) await armLapse(tx, auctionId, deadline);
  });
}
