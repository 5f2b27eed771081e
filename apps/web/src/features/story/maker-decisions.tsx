import { Link } from 'react-router';
import { ApiError, messageOf } from '../../shared/api/api-error';
import type { Auction } from '../../shared/api/types';
import { formatMoney } from '../../shared/money';
import { useMakerDecisionMutation, type MakerDecision } from '../../shared/queries/auction/use-maker-decision-mutation';
import { formatDateTime } from '../../shared/time/format';
import { Countdown } from '../../shared/ui/countdown';

const DONE: Record<MakerDecision, string> = {
  accept: 'You accepted the leading bid: the buyer has been asked to pay.',
  second_chance: 'The piece is offered to the next bidder at their last bid.',
  relist: 'Relisted: the story takes offers again.',
};

/**
 * For the maker: the decisions the server allows on this auction now (its `makerActions`), each
 * with what it does — accept the leading bid (with the deadline when the reserve was not met),
 * offer the piece to the next bidder after an unpaid window, or relist it.
 */
export function MakerDecisions({ auction }: { auction: Auction }) {
  const decide = useMakerDecisionMutation();
  const actions = auction.makerActions;
  const run = (decision: MakerDecision) => decide.mutate({ auctionId: auction.id, storyId: auction.storyId, decision });
  const done = decide.isSuccess ? DONE[decide.variables.decision] : null;
  if (actions.length === 0 && !done) return null;
  const high = auction.highBidMinor === null ? null : formatMoney(auction.highBidMinor, auction.currency);
  const reserveDecision = auction.status === 'ended' && auction.makerDecisionDeadline !== null;

  return (
    <section className="stack maker-decisions" aria-labelledby="maker-decisions-title">
      <h3 id="maker-decisions-title">Your decision</h3>
      {reserveDecision && actions.includes('accept') && (
        <p className="alert alert-info" data-testid="decision-deadline">
          The reserve was not met. You can accept the leading bid of {high} until{' '}
          {formatDateTime(auction.makerDecisionDeadline!)} (
          <Countdown endsAt={auction.makerDecisionDeadline!} /> left); after that it lapses.
        </p>
      )}
      {auction.status === 'payment_expired' && (
        <p className="muted">Offer the piece to the next bidder at their last bid, or relist it.</p>
      )}
      {actions.includes('accept') && (
        <button
          type="button"
          className="btn btn-primary btn-block"
          disabled={decide.isPending}
          onClick={() => run('accept')}
        >
          Accept the leading bid ({high})
        </button>
      )}
      {actions.includes('second_chance') && (
        <button
          type="button"
          className="btn btn-primary btn-block"
          disabled={decide.isPending}
          onClick={() => run('second_chance')}
        >
          Offer to the next bidder
        </button>
      )}
      {actions.includes('relist') && (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          disabled={decide.isPending}
          onClick={() => run('relist')}
        >
          Relist: take new offers
        </button>
      )}
      {decide.isError && (
        <p role="alert" className="field-error">
          {messageOf(decide.error)}
          {decide.error instanceof ApiError && decide.error.code === 'totp_required' && (
            <>
              {' '}
              <Link to="/account/security">Turn on two-factor authentication</Link>
            </>
          )}
        </p>
      )}
      {done && (
        <p role="status" className="alert alert-success">
          {done}
        </p>
      )}
    </section>
  );
}
