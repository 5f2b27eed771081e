import { describe, expect, it } from 'vitest';
import type { LoadedAuction } from '../repo/auction-repo';
import { BidLanes } from './bid-lanes';

const at = (version: number) => ({ row: { version }, state: {} }) as unknown as LoadedAuction;

describe('bid lanes', () => {
  it('gives turns in arrival order, each seeing what the turns before committed when newer than its read', async () => {
    const lanes = new BidLanes();
    const order: string[] = [];
    const first = await lanes.take('a');
    const second = lanes.take('a').then((turn) => (order.push('second'), turn));
    const third = lanes.take('a').then((turn) => (order.push('third'), turn));
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]);
    expect(first.newerThan(1)).toBeNull();
    first.committed(at(2));
    first.leave();
    const turn2 = await second;
    expect(turn2.newerThan(1)?.row.version).toBe(2);
    // What it read is as new: nothing newer to decide on.
    expect(turn2.newerThan(2)).toBeNull();
    turn2.leave();
    const turn3 = await third;
    expect(order).toEqual(['second', 'third']);
    expect(turn3.newerThan(1)?.row.version).toBe(2);
    turn3.leave();
  });

  it('keeps auctions apart and forgets an auction once no turn is taken or waiting', async () => {
    const lanes = new BidLanes();
    const a = await lanes.take('a');
    const b = await lanes.take('b');
    expect(lanes.size).toBe(2);
    a.committed(at(5));
    a.leave();
    a.leave();
    expect(lanes.size).toBe(1);
    b.leave();
    expect(lanes.size).toBe(0);
    // A later turn starts afresh: it decides on its own read.
    const again = await lanes.take('a');
    expect(again.newerThan(1)).toBeNull();
    again.leave();
  });

  it('keeps the newest state when turns commit out of version order', async () => {
    const lanes = new BidLanes();
    const first = await lanes.take('a');
    const next = lanes.take('a');
    first.committed(at(7));
    first.committed(at(6));
    first.leave();
    const turn = await next;
    expect(turn.newerThan(1)?.row.version).toBe(7);
    turn.leave();
  });
});
