import { useEffect, useRef } from 'react';
import type { RealtimeMessage } from './realtime-client';
import { useRealtime } from './realtime-context';

/** Listens to a realtime channel while mounted (null: not now). The handler may change freely. */
export function useChannel(channel: string | null, onMessage: (message: RealtimeMessage) => void): void {
  const realtime = useRealtime();
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  });
  useEffect(() => {
    if (!channel) return;
    return realtime.subscribe(channel, (message) => handler.current(message));
  }, [realtime, channel]);
}
