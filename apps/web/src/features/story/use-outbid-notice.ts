import { useEffect, useRef, useState } from 'react';
import type { Auction } from '../../shared/api/types';
import { useChannel } from '../../shared/realtime/use-channel';

export interface OutbidNotice {
  highBidMinor: number | null;
}

/**
 * Tells the viewer they were outbid: from the `outbid` event on their own channel, or when the
 * live auction shows someone else leading after they led. Cleared when they lead again.
 */
export function useOutbidNotice(auction: Auction | undefined, viewerId: string | null) {
  const [notice, setNotice] = useState<OutbidNotice | null>(null);
  const wasLeading = useRef(false);
  const auctionId = auction?.id;

  useChannel(viewerId ? `user:${viewerId}` : null, (message) => {
    if (message.type !== 'outbid') return;
    const data = (message.data ?? {}) as { auctionId?: string; highBidMinor?: number };
    if (data.auctionId !== auctionId) return;
    setNotice({ highBidMinor: data.highBidMinor ?? null });
  });

  const leaderId = auction?.leaderId ?? null;
  const highBidMinor = auction?.highBidMinor ?? null;
  useEffect(() => {
    if (!viewerId) return;
    if (leaderId === viewerId) {
      wasLeading.current = true;
      setNotice(null);
    } else if (wasLeading.current && leaderId !== null) {
      wasLeading.current = false;
      setNotice({ highBidMinor });
    }
  }, [leaderId, highBidMinor, viewerId]);

  return { notice, dismiss: () => setNotice(null) };
}
