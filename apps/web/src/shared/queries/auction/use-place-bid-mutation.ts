import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error';
import { api, unwrap } from '../../api/client';
import type { Auction, Bid } from '../../api/types';
import { minNextBid } from '../../money';
import { queryKeys } from '../keys';

export interface PlaceBidInput {
  auctionId: string;
  amountMinor: number;
  /** Proxy maximum: the server bids for the caller up to this. */
  maxAmountMinor?: number;
  /** One key per intent: a retry after a lost answer cannot bid twice. */
  idempotencyKey: string;
  bidderId: string;
  /** Where the piece would ship if this bid wins. */
  shippingCountry?: string | undefined;
}

/**
 * Places a bid. The panel shows it as leading at once (high bid, minimum next bid, history) and
 * restores the previous state if the server refuses it; the server's answer then replaces the guess.
 */
export function usePlaceBidMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ auctionId, amountMinor, maxAmountMinor, shippingCountry, idempotencyKey }: PlaceBidInput) =>
      unwrap(
        api.POST('/v1/auctions/{id}/bids', {
          params: { path: { id: auctionId }, header: { 'idempotency-key': idempotencyKey } },
          body: {
            amountMinor,
            ...(maxAmountMinor === undefined ? {} : { maxAmountMinor }),
            ...(shippingCountry ? { shippingCountry } : {}),
          },
        }),
      ),
    // Same key, same body: only a lost answer is worth repeating.
    retry: (count, error) => error instanceof ApiError && error.isNetwork && count < 2,
    onMutate: async ({ auctionId, amountMinor, bidderId }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.auction(auctionId) });
      const previousAuction = queryClient.getQueryData<Auction>(queryKeys.auction(auctionId));
      const previousBids = queryClient.getQueryData<{ items: Bid[] }>(queryKeys.bids(auctionId));
      if (previousAuction) {
        queryClient.setQueryData<Auction>(queryKeys.auction(auctionId), {
          ...previousAuction,
          highBidMinor: amountMinor,
          leaderId: bidderId,
          isLeading: true,
          minNextBidMinor: minNextBid(amountMinor, previousAuction.currency),
          bidCount: previousAuction.bidCount + 1,
        });
      }
      const optimistic: Bid = {
        id: `pending-${Date.now()}`,
        bidderId,
        bidderAlias: 'You',
        amountMinor,
        kind: 'bid',
        sequence: Number.MAX_SAFE_INTEGER,
        createdAt: new Date().toISOString(),
        voided: false,
        voidReason: null,
      };
      queryClient.setQueryData<{ items: Bid[] }>(queryKeys.bids(auctionId), (data) => ({
        items: [...(data?.items ?? []), optimistic],
      }));
      return { previousAuction, previousBids };
    },
    onError: (_error, { auctionId }, context) => {
      if (!context) return;
      queryClient.setQueryData(queryKeys.auction(auctionId), context.previousAuction);
      queryClient.setQueryData(queryKeys.bids(auctionId), context.previousBids);
    },
    onSuccess: (result, { auctionId }) => {
      queryClient.setQueryData(queryKeys.auction(auctionId), result.auction);
    },
    onSettled: (_result, _error, { auctionId }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.bids(auctionId) });
    },
  });
}
