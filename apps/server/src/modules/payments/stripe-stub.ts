/**
 * Test support (not used by the product): a local HTTP server answering the Stripe API calls this
 * module makes — Checkout Sessions (create, retrieve, expire), refunds, accounts, account links,
 * transfers — so the real `stripe` SDK can be pointed at it (STRIPE_API_BASE) and never at the
 * internet. It honours idempotency keys as Stripe does and records every request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** Form fields as the SDK encodes them, e.g. `payment_intent_data[transfer_data][destination]`. */
  params: Record<string, string>;
}

type Json = Record<string, unknown>;

export class StripeStub {
  readonly requests: StubRequest[] = [];
  /** While true every call answers 500 (a Stripe outage); the SDK is told not to retry. */
  down = false;
  private server: Server | null = null;
  private counter = 0;
  private readonly idempotent = new Map<string, { status: number; body: Json }>();
  private readonly sessions = new Map<string, Json>();
  private readonly accounts = new Map<string, Json>();

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('stub not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  calls(method: string, path: string | RegExp): StubRequest[] {
    return this.requests.filter(
      (r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
    );
  }

  /** Makes an account's capabilities what a finished onboarding would give. */
  completeOnboarding(accountId: string): void {
    const account = this.accounts.get(accountId);
    if (account) Object.assign(account, { payouts_enabled: true, charges_enabled: true, details_submitted: true });
  }

  private id(prefix: string): string {
    this.counter += 1;
    return `${prefix}_stub_${this.counter}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://stub');
    const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, idempotencyKey: key, params });
    const send = (status: number, body: Json) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'stripe-should-retry': 'false',
        'request-id': this.id('req'),
      });
      res.end(JSON.stringify(body));
    };
    if (this.down) return send(500, { error: { type: 'api_error', message: 'Stripe is down (stub)' } });
    const remembered = key ? this.idempotent.get(`${method} ${url.pathname} ${key}`) : undefined;
    if (remembered) return send(remembered.status, remembered.body);
    const answer = this.route(method, url.pathname, params);
    if (key && method === 'POST') this.idempotent.set(`${method} ${url.pathname} ${key}`, answer);
    send(answer.status, answer.body);
  }

  private route(method: string, path: string, p: Record<string, string>): { status: number; body: Json } {
    const ok = (body: Json) => ({ status: 200, body });
    const missing = () => ({
      status: 404,
      body: { error: { type: 'invalid_request_error', message: 'No such object' } },
    });
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const id = this.id('cs_test');
      const session: Json = {
        id,
        object: 'checkout.session',
        mode: p.mode,
        status: 'open',
        payment_status: 'unpaid',
        payment_intent: null,
        url: `https://checkout.stripe.test/c/pay/${id}`,
        amount_total: Number(p['line_items[0][price_data][unit_amount]']),
        currency: p['line_items[0][price_data][currency]'],
        expires_at: Number(p.expires_at),
        metadata: { windowId: p['metadata[windowId]'] },
      };
      this.sessions.set(id, session);
      return ok(session);
    }
    if ((m = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path)) && method === 'GET') {
      const session = this.sessions.get(m[1]!);
      return session ? ok(session) : missing();
    }
    if ((m = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path)) && method === 'POST') {
      const session = this.sessions.get(m[1]!);
      if (!session) return missing();
      session.status = 'expired';
      return ok(session);
    }
    if (method === 'POST' && path === '/v1/refunds') {
      return ok({
        id: this.id('re'),
        object: 'refund',
        status: 'succeeded',
        amount: Number(p.amount),
        payment_intent: p.payment_intent,
      });
    }
    if (method === 'POST' && path === '/v1/accounts') {
      const account: Json = {
        id: this.id('acct'),
        object: 'account',
        type: 'express',
        payouts_enabled: false,
        charges_enabled: false,
        details_submitted: false,
      };
      this.accounts.set(account.id as string, account);
      return ok(account);
    }
    if ((m = /^\/v1\/accounts\/([^/]+)$/.exec(path)) && method === 'GET') {
      const account = this.accounts.get(m[1]!);
      return account ? ok(account) : missing();
    }
    if (method === 'POST' && path === '/v1/account_links') {
      return ok({
        object: 'account_link',
        url: `https://connect.stripe.test/setup/${p.account}`,
        expires_at: Math.floor(Date.now() / 1000) + 300,
      });
    }
    if (method === 'POST' && path === '/v1/transfers') {
      return ok({ id: this.id('tr'), object: 'transfer', amount: Number(p.amount), destination: p.destination });
    }
    return missing();
  }
}
