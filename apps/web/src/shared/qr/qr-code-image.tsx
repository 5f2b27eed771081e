import { useMemo } from 'react';
import { encodeQr } from './qr-code';

/** A QR code as crisp SVG (dark on white with the quiet zone, so every scanner reads it). */
export function QrCodeImage({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const { path, dimension } = useMemo(() => {
    const modules = encodeQr(text);
    const quiet = 4;
    let d = '';
    modules.forEach((row, y) =>
      row.forEach((dark, x) => {
        // eslint-disable-next-line lingui/no-unlocalized-strings -- SVG path data, not words
        if (dark) d += `M${x + quiet},${y + quiet}h1v1h-1z`;
      }),
    );
    return { path: d, dimension: modules.length + quiet * 2 };
  }, [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${dimension} ${dimension}`}
      shapeRendering="crispEdges"
    >
      <rect width={dimension} height={dimension} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
