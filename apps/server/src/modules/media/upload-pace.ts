import type { IncomingMessage } from 'node:http';

/** How fast an upload body must keep arriving. */
export interface UploadPace {
  /** The window over which progress is measured; no byte for this long cuts the request off. */
  windowMs: number;
  /** The least average speed over each window (0: any progress at all is enough). */
  minBytesPerSecond: number;
}

/**
 * Watches the body of an upload request (tus PATCH, creation-with-upload) and cuts the connection
 * when it stalls or trickles slower than `pace`: such a request would otherwise hold a socket, a
 * file handle and the upload's lock for as long as the sender likes (slowloris). The bytes that did
 * arrive are kept, so a real client on a bad network resumes with HEAD and PATCH. Progress is read
 * from the socket's byte count, so the body stream itself is left alone for tus to consume.
 * Returns the function that stops watching (call it once the request is answered).
 */
export function watchUploadPace(
  req: IncomingMessage,
  pace: UploadPace,
  onCut: (cut: { receivedInWindow: number; windowMs: number }) => void,
): () => void {
  const socket = req.socket as IncomingMessage['socket'] | undefined;
  // In-process requests (tests' inject) have no real socket to watch.
  if (!socket || typeof socket.bytesRead !== 'number') return () => {};
  const needed = Math.max(1, Math.floor((pace.minBytesPerSecond * pace.windowMs) / 1000));
  let windowStart = Date.now();
  let bytesAtStart = socket.bytesRead;
  const timer = setInterval(
    () => {
      if (req.complete || socket.destroyed) return stop();
      const now = Date.now();
      if (now - windowStart < pace.windowMs) return;
      const receivedInWindow = socket.bytesRead - bytesAtStart;
      if (receivedInWindow < needed) {
        stop();
        onCut({ receivedInWindow, windowMs: now - windowStart });
        socket.destroy();
        return;
      }
      windowStart = now;
      bytesAtStart = socket.bytesRead;
    },
    Math.min(1_000, Math.max(50, pace.windowMs / 4)),
  );
  timer.unref();
  const stop = () => clearInterval(timer);
  return stop;
}
