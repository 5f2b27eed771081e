import { useEffect, useState } from 'react';

/**
 * Session watermark over protected video: the viewer's session id, moved to a new random spot
 * every few seconds (eased, or a plain jump when reduced motion is asked for), so a screen
 * recording names the session it came from.
 */
export function ProtectionOverlay({ sessionId, intervalMs = 5000 }: { sessionId: string | null; intervalMs?: number }) {
  const [position, setPosition] = useState({ x: 12, y: 18 });
  useEffect(() => {
    if (!sessionId) return;
    const timer = setInterval(() => {
      setPosition({ x: 5 + Math.random() * 55, y: 8 + Math.random() * 75 });
    }, intervalMs);
    return () => clearInterval(timer);
  }, [sessionId, intervalMs]);
  if (!sessionId) return null;
  return (
    <div className="protection-overlay" aria-hidden="true" data-testid="protection-overlay">
      <span style={{ left: `${position.x}%`, top: `${position.y}%` }}>{sessionId}</span>
    </div>
  );
}
