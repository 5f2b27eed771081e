import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { ApiError, messageOf } from '../../shared/api/api-error';
import type { Auction } from '../../shared/api/types';
import { formatMoney } from '../../shared/money';
import { useMakerDecisionMutation, type MakerDecision } from '../../shared/queries/auction/use-maker-decision-mutation';
import { formatDateTime } from '../../shared/time/format';
import { Countdown } from '../../shared/ui/countdown';

const DONE: Record<MakerDecision, MessageDescriptor> = {
  accept: msg`You accepted the leading bid: the buyer has been asked to pay.`,
  second_chance: msg`The piece is offered to the next bidder at their last bid.`,
  relist: msg`Relisted: the story takes offers again.`,
};

/**
 * For the maker: the decisions the server allows on this auction now (its `makerActions`), each
 * with what it does — accept the leading bid (with the deadline when the reserve was not met),
 * offer the piece to the next bidder after an unpaid window, or relist it.
 */
export function MakerDecisions({ auction }: { auction: Auction }) {
  const decide = useMakerDecisionMutation();
  const { t } = useLingui();
  const actions = auction.makerActions;
  const run = (decision: MakerDecision) => decide.mutate({ auctionId: auction.id, storyId: auction.storyId, decision });
  const done = decide.isSuccess ? DONE[decide.variables.decision] : null;
  if (actions.length === 0 && !done) return null;
  const high = auction.highBidMinor === null ? null : formatMoney(auction.highBidMinor, auction.currency);
  const deadline = auction.makerDecisionDeadline;
  const reserveDecision = auction.status === 'ended' && deadline !== null;
  const until = deadline === null ? null : formatDateTime(deadline);

  return (
    <section className="stack maker-decisions" aria-labelledby="maker-decisions-title">
      <h3 id="maker-decisions-title">
        <Trans>Your decision</Trans>
      </h3>
      {reserveDecision && deadline !== null && actions.includes('accept') && (
        <p className="alert alert-info" data-testid="decision-deadline">
          <Trans>
            The reserve was not met. You can accept the leading bid of {high} until {until} (
            <Countdown endsAt={deadline} /> left); after that it lapses.
          </Trans>
        </p>
      )}
      {auction.status === 'payment_expired' && (
        <p className="muted">
          <Trans>Offer the piece to the next bidder at their last bid, or relist it.</Trans>
        </p>
      )}
      {actions.includes('accept') && (
        <button
          type="button"
          className="btn btn-primary btn-block"
          disabled={decide.isPending}
          onClick={() => run('accept')}
        >
          <Trans>Accept the leading bid ({high})</Trans>
        </button>
      )}
      {actions.includes('second_chance') && (
        <button
          type="button"
          className="btn btn-primary btn-block"
          disabled={decide.isPending}
          onClick={() => run('second_chance')}
        >
          <Trans>Offer to the next bidder</Trans>
        </button>
      )}
      {actions.includes('relist') && (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          disabled={decide.isPending}
          onClick={() => run('relist')}
        >
          <Trans>Relist: take new offers</Trans>
        </button>
      )}
      {decide.isError && (
        <p role="alert" className="field-error">
          {messageOf(decide.error)}
          {decide.error instanceof ApiError && decide.error.code === 'totp_required' && (
            <>
              {' '}
              <Link to="/account/security">
                <Trans>Turn on two-factor authentication</Trans>
              </Link>
            </>
          )}
        </p>
      )}
      {done && (
        <p role="status" className="alert alert-success">
          {t(done)}
        </p>
      )}
    </section>
  );
}
