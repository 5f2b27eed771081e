/** A WebSocket stand-in the realtime client can drive in tests. */
export class FakeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }

  send(text: string) {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }

  close() {
    this.readyState = 3;
    this.onclose?.({ code: 1000, reason: '' });
  }

  open() {
    this.readyState = 1;
    this.onopen?.();
  }

  receive(message: Record<string, unknown> | Record<string, unknown>[]) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  /** The connection drops (server restart, network change), or the server closes it with a code. */
  drop(code = 1006, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}
