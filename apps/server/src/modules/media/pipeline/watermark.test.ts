import { describe, expect, it } from 'vitest';
import { findWatermarkFont, watermarkText } from './watermark.js';

describe('watermarkText', () => {
  it('keeps quotes, colons, backslashes and non-Latin scripts', () => {
    expect(watermarkText(`O'Brien: "Pots" \\ 陶器 Ελένη`)).toBe(`O'Brien: "Pots" \\ 陶器 Ελένη`);
  });

  it('makes one clean line: no controls, bidi overrides or emoji', () => {
    expect(watermarkText('  Ana\n\tClay\u0000 Studio  ')).toBe('Ana Clay Studio');
    expect(watermarkText('evil\u202Egnp.exe')).toBe('evil gnp.exe');
    expect(watermarkText('Pots ✨🏺👍🏽')).toBe('Pots');
    expect(watermarkText('🎨')).toBe('');
    expect(watermarkText('Cafe\u0301')).toBe('Café');
  });

  it('bounds the length on grapheme boundaries', () => {
    const text = watermarkText('é'.repeat(80));
    expect([...text]).toHaveLength(40);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('findWatermarkFont', () => {
  it('finds a font on this machine and honours a configured one', async () => {
    const found = await findWatermarkFont();
    expect(found).toMatch(/\.(ttf|otf|ttc)$/);
    expect(await findWatermarkFont(found ?? undefined)).toBe(found);
    expect(await findWatermarkFont('/nonexistent/font.ttf')).toBe(found);
  });
});
