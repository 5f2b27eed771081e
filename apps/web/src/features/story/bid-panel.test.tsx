import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Auction } from '../../shared/api/types';
import { FakeSocket } from '../../test/fake-socket';
import { deferred, jsonResponse, renderWithApp } from '../../test/render';
import { BidPanel } from './bid-panel';

const auction = (patch: Partial<Auction> = {}): Auction => ({
  id: 'a1',
  storyId: 's1',
  status: 'active',
  highBidMinor: 10_000,
  minNextBidMinor: 10_600,
  currency: 'USD',
  leaderId: 'someone-else',
  reserveMet: false,
  endsAt: new Date(Date.now() + 3600_000).toISOString(),
  leaderAlias: 'Bidder 1',
  hasReserve: true,
  startsAt: new Date().toISOString(),
  endedAt: null,
  winnerId: null,
  winningAmountMinor: null,
  bidCount: 1,
  makerDecisionDeadline: null,
  paymentDueAt: null,
  myMaxAmountMinor: null,
  isLeading: false,
  makerActions: [],
  version: 1,
  serverTime: new Date().toISOString(),
  ...patch,
});

type Route = (request: Request) => Promise<Response> | Response;

function serve(routes: Record<string, Route>) {
  const calls: Request[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    calls.push(request);
    const { pathname } = new URL(request.url);
    const route = routes[`${request.method} ${pathname}`];
    return route ? route(request) : jsonResponse({ error: { code: 'not_found', message: 'none' } }, 404);
  });
  return calls;
}

const panel = () => <BidPanel auctionId="a1" storyId="s1" makerId="maker" viewerId="me" />;

describe('BidPanel', () => {
  beforeEach(() => {
    FakeSocket.instances = [];
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the current bid, the reserve state and the minimum next bid, prefilled', async () => {
    serve({
      'GET /v1/auctions/a1': () => jsonResponse(auction()),
      'GET /v1/auctions/a1/bids': () => jsonResponse({ items: [] }),
    });
    renderWithApp(panel());
    expect(await screen.findByTestId('min-next-bid')).toHaveProperty('textContent', '$106.00');
    expect(screen.getByTestId('high-bid').textContent).toBe('$100.00');
    expect(screen.getByTestId('reserve').textContent).toBe('Reserve not met');
    expect(screen.getByLabelText<HTMLInputElement>('Your bid (USD)').value).toBe('106.00');
    expect(screen.getByRole('button', { name: 'Place bid $106.00' })).toBeTruthy();
  });

  it('refuses a bid under the minimum without calling the server', async () => {
    const calls = serve({
      'GET /v1/auctions/a1': () => jsonResponse(auction()),
      'GET /v1/auctions/a1/bids': () => jsonResponse({ items: [] }),
    });
    renderWithApp(panel());
    const input = await screen.findByLabelText('Your bid (USD)');
    fireEvent.change(input, { target: { value: '105' } });
    fireEvent.click(screen.getByRole('button', { name: /Place bid/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Bid at least $106.00.');
    expect(calls.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows the bid as leading at once, then rolls back when the server refuses it', async () => {
    const answer = deferred<Response>();
    const calls = serve({
      'GET /v1/auctions/a1': () => jsonResponse(auction()),
      'GET /v1/auctions/a1/bids': () => jsonResponse({ items: [] }),
      'POST /v1/auctions/a1/bids': () => answer.promise,
    });
    renderWithApp(panel());
    fireEvent.click(await screen.findByRole('button', { name: 'Place bid $106.00' }));

    await waitFor(() => expect(screen.getByTestId('high-bid').textContent).toBe('$106.00'));
    // Next minimum from the increment rule: 106.00 × 1.01 → 108 whole units, + 5 = 113.00.
    expect(screen.getByTestId('min-next-bid').textContent).toBe('$113.00');
    expect(screen.getByText('You’re the highest bidder.')).toBeTruthy();
    const post = calls.find((r) => r.method === 'POST');
    expect(post?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await post?.clone().json()).toEqual({ amountMinor: 10_600 });

    await act(async () => {
      answer.resolve(
        jsonResponse({ error: { code: 'bid_too_low', message: 'Someone bid first: bid at least $113.00' } }, 409),
      );
    });
    await waitFor(() => expect(screen.getByTestId('high-bid').textContent).toBe('$100.00'));
    expect(screen.getByTestId('min-next-bid').textContent).toBe('$106.00');
    expect(
      screen.getByText(
        'Your bid was not placed: Your bid is below the minimum next bid. Someone may have bid first: check the new minimum and try again.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText('You’re the highest bidder.')).toBeNull();
  });

  it('shows a new buyer the cap on their bids, in the amount the server gives', async () => {
    const message =
      'Until your first purchase is paid, you can bid or offer at most 1000.00 USD here (10 × the current price).';
    serve({
      'GET /v1/auctions/a1': () => jsonResponse(auction()),
      'GET /v1/auctions/a1/bids': () => jsonResponse({ items: [] }),
      'POST /v1/auctions/a1/bids': () =>
        jsonResponse(
          {
            error: {
              code: 'bid_above_new_buyer_cap',
              message,
              details: { capMinor: 100_000, currency: 'USD', multiple: 10 },
            },
          },
          422,
        ),
    });
    renderWithApp(panel());
    fireEvent.click(await screen.findByRole('button', { name: 'Place bid $106.00' }));
    expect(
      await screen.findByText(
        'Your bid was not placed: Until your first purchase is paid, you can bid or offer at most $1,000.00 here.',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('high-bid').textContent).toBe('$100.00'));
  });

  it('keeps the server’s answer after an accepted bid, with the proxy maximum sent', async () => {
    const calls = serve({
      'GET /v1/auctions/a1': () => jsonResponse(auction()),
      'GET /v1/auctions/a1/bids': () => jsonResponse({ items: [] }),
      'POST /v1/auctions/a1/bids': () =>
        jsonResponse(
          {
            bid: { id: 'b1', bidderId: 'me', amountMinor: 10_600, createdAt: new Date().toISOString() },
            auction: auction({ highBidMinor: 10_600, minNextBidMinor: 11_300, leaderId: 'me', reserveMet: true }),
          },
          201,
        ),
    });
    renderWithApp(panel());
    await screen.findByTestId('min-next-bid');
    fireEvent.click(screen.getByLabelText('Bid for me automatically, up to a maximum'));
    fireEvent.change(screen.getByLabelText('Maximum bid (USD)'), { target: { value: '250' } });
    fireEvent.click(screen.getByRole('button', { name: 'Place bid $106.00' }));
    await waitFor(() => expect(screen.getByTestId('reserve').textContent).toBe('Reserve met'));
    expect(screen.getByTestId('high-bid').textContent).toBe('$106.00');
    const post = calls.find((r) => r.method === 'POST');
    expect(await post?.clone().json()).toEqual({ amountMinor: 10_600, maxAmountMinor: 25_000 });
  });

  it('tells the bidder live when they are outbid', async () => {
    serve({
      'GET /v1/auctions/a1': () =>
        jsonResponse(auction({ leaderId: 'me', highBidMinor: 10_600, minNextBidMinor: 11_300 })),
      'GET /v1/auctions/a1/bids': () => jsonResponse({ items: [] }),
    });
    renderWithApp(panel());
    expect(await screen.findByText('You’re the highest bidder.')).toBeTruthy();
    const socket = FakeSocket.instances[0];
    expect(socket).toBeDefined();
    await act(async () => socket?.open());
    await waitFor(() => expect(socket?.sent).toContainEqual({ type: 'subscribe', channel: 'user:me' }));
    expect(socket?.sent).toContainEqual({ type: 'subscribe', channel: 'auction:a1' });

    await act(async () =>
      socket?.receive({
        type: 'outbid',
        channel: 'user:me',
        data: {
          auctionId: 'a1',
          storyId: 's1',
          status: 'active',
          amountMinor: 12_000,
          highBidMinor: 12_000,
          currency: 'USD',
          leaderId: 'rival',
          leaderAlias: 'Bidder 2',
          reserveMet: true,
          endsAt: new Date(Date.now() + 3600_000).toISOString(),
          minNextBidMinor: 12_700,
          bidCount: 3,
          version: 4,
        },
        serverTime: new Date().toISOString(),
      }),
    );
    const notice = await screen.findByText('You’ve been outbid');
    expect(notice.closest('[role="alert"]')?.textContent).toContain('The high bid is now $120.00.');
  });

  it('applies a bid placed by someone else from the auction channel, ignoring stale versions', async () => {
    let loads = 0;
    let bidLoads = 0;
    const rivalBid = {
      id: 'b9',
      bidderId: 'rival',
      bidderAlias: 'Bidder 2',
      amountMinor: 20_000,
      kind: 'bid',
      sequence: 2,
      createdAt: new Date().toISOString(),
      voided: false,
      voidReason: null,
    };
    serve({
      // Only the first load answers: what changes afterwards can only come from the event.
      'GET /v1/auctions/a1': () => (loads++ === 0 ? jsonResponse(auction()) : new Promise<Response>(() => undefined)),
      'GET /v1/auctions/a1/bids': () =>
        jsonResponse({ items: bidLoads++ === 0 ? [] : [rivalBid], nextAfterSequence: null }),
    });
    renderWithApp(panel());
    await screen.findByTestId('min-next-bid');
    const socket = FakeSocket.instances[0];
    expect(socket).toBeDefined();
    await act(async () => socket?.open());
    const summary = (version: number, high: number) => ({
      type: 'bid_placed',
      channel: 'auction:a1',
      data: {
        auctionId: 'a1',
        storyId: 's1',
        status: 'active',
        amountMinor: high,
        highBidMinor: high,
        currency: 'USD',
        minNextBidMinor: high + 700,
        leaderId: 'rival',
        leaderAlias: 'Bidder 2',
        reserveMet: true,
        endsAt: new Date(Date.now() + 3600_000).toISOString(),
        bidCount: 2,
        version,
      },
      serverTime: new Date().toISOString(),
    });
    await act(async () => socket?.receive(summary(3, 20_000)));
    // The query cache tells the screen on a timer of its own: wait for the render.
    await waitFor(() => expect(screen.getByTestId('high-bid').textContent).toBe('$200.00'));
    expect(screen.getByTestId('min-next-bid').textContent).toBe('$207.00');
    expect(screen.getByTestId('reserve').textContent).toBe('Reserve met');
    // A message from an earlier version, delivered late by another process, changes nothing, even
    // once the cache's notifications have run.
    await act(async () => {
      socket?.receive(summary(2, 15_000));
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(screen.getByTestId('high-bid').textContent).toBe('$200.00');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Bid history' }).textContent).toContain('Bidder 2'));
  });
});
