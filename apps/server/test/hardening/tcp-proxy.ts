/**
 * A TCP proxy the fault tests put between the server and PostgreSQL, to take the database away
 * and give it back without touching the database server itself:
 * - `refuse()`: live connections are reset and new ones refused (a database that went down);
 * - `blackhole()`: connections stay open but no byte passes either way, and new ones are accepted
 *   and never answered (a network partition, the failure that makes clients hang);
 * - `restore()`: connections pass again (blackholed ones are reset, as the network would do).
 */
import net from 'node:net';

type Mode = 'open' | 'refused' | 'blackholed';

interface Pair {
  client: net.Socket;
  upstream: net.Socket | null;
}

export class TcpProxy {
  private server: net.Server | null = null;
  private readonly pairs = new Set<Pair>();
  private mode: Mode = 'open';
  private listenPort = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  get port(): number {
    return this.listenPort;
  }

  /** Connections accepted so far that are still open. */
  get openConnections(): number {
    return this.pairs.size;
  }

  async start(): Promise<this> {
    await this.listen(0);
    return this;
  }

  /** Resets every connection and refuses new ones. */
  async refuse(): Promise<void> {
    this.mode = 'refused';
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server = null;
      this.resetAll();
    });
  }

  /** Stops every byte, both ways, on live and new connections, without closing anything. */
  blackhole(): void {
    this.mode = 'blackholed';
    for (const pair of this.pairs) {
      pair.client.pause();
      pair.upstream?.pause();
      if (pair.upstream) pair.client.unpipe(pair.upstream);
      pair.upstream?.unpipe(pair.client);
    }
  }

  /** Lets connections through again. */
  async restore(): Promise<void> {
    if (this.mode === 'blackholed') this.resetAll();
    this.mode = 'open';
    if (!this.server) await this.listen(this.listenPort);
  }

  async stop(): Promise<void> {
    this.resetAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  private async listen(port: number): Promise<void> {
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.listenPort = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  private accept(client: net.Socket): void {
    const pair: Pair = { client, upstream: null };
    this.pairs.add(pair);
    const drop = () => {
      this.pairs.delete(pair);
      client.destroy();
      pair.upstream?.destroy();
    };
    client.on('error', drop);
    client.on('close', drop);
    if (this.mode === 'blackholed') {
      client.pause();
      return;
    }
    const upstream = net.connect(this.targetPort, this.targetHost);
    pair.upstream = upstream;
    upstream.on('error', drop);
    upstream.on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private resetAll(): void {
    for (const pair of [...this.pairs]) {
      this.pairs.delete(pair);
      pair.client.resetAndDestroy();
      pair.upstream?.destroy();
    }
  }
}
