/**
 * The bids of this process that may win on one auction take turns, each writing from the state
 * the one before it committed when that is newer than what it read. Without turns, bids that
 * arrive together are all read as possible winners: each opens a transaction, one write lands and
 * the others find the version moved, roll back and read again, only to be refused. With them, the
 * bid after a winner is decided on the state that winner committed — after this bid arrived, so
 * ordering it after that commit is valid — and is usually refused at once, with no transaction
 * and no second read. Across processes nothing changes: the write still lands only if the
 * auction's version is the one decided on (see `tryUnchanged`), and a bid overtaken by another
 * process reads again.
 */
import type { LoadedAuction } from '../repo/auction-repo';

export interface Turn {
  /** What the previous turn on the auction committed, if it is newer than `readVersion`. */
  newerThan(readVersion: number): LoadedAuction | null;
  /** This turn committed `loaded` (the auction as it wrote it, at its new version). */
  committed(loaded: LoadedAuction): void;
  /** Ends the turn; the next bid waiting on the auction takes its own. */
  leave(): void;
}

interface Lane {
  /** Settles when the last turn taken ends. */
  tail: Promise<void>;
  /** Turns taken or waiting; the lane is dropped (and what it remembers) when none are. */
  turns: number;
  latest: LoadedAuction | null;
}

export class BidLanes {
  private readonly lanes = new Map<string, Lane>();

  /** Waits for the turns taken before this one on `auctionId` to end. */
  async take(auctionId: string): Promise<Turn> {
    let lane = this.lanes.get(auctionId);
    if (lane === undefined) {
      lane = { tail: Promise.resolve(), turns: 0, latest: null };
      this.lanes.set(auctionId, lane);
    }
    const own = lane;
    own.turns += 1;
    const before = own.tail;
    let end!: () => void;
    own.tail = new Promise<void>((resolve) => (end = resolve));
    await before;
    let left = false;
    return {
      newerThan: (readVersion) => (own.latest !== null && own.latest.row.version > readVersion ? own.latest : null),
      committed: (loaded) => {
        if (own.latest === null || loaded.row.version > own.latest.row.version) own.latest = loaded;
      },
      leave: () => {
        if (left) return;
        left = true;
        end();
        own.turns -= 1;
        if (own.turns === 0) this.lanes.delete(auctionId);
      },
    };
  }

  /** Auctions with a turn taken or waiting (for tests). */
  get size(): number {
    return this.lanes.size;
  }
}
