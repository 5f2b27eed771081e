import { describe, expect, it } from 'vitest';
import { homeRegionTag, isLocale, LOCALES, localeOfTag } from './locales';

describe('languages', () => {
  it('reads the language of a tag, whatever its region or separator, and only the five spoken', () => {
    expect(localeOfTag('pt-BR')).toBe('pt');
    expect(localeOfTag(' DE_at ')).toBe('de');
    expect(localeOfTag('it-IT')).toBeNull();
    expect(localeOfTag(undefined)).toBeNull();
    expect(isLocale('fr')).toBe(true);
    expect(isLocale('pt-PT')).toBe(false);
  });

  it('formats each language in its home region: Portuguese as Portugal writes it', () => {
    expect(LOCALES.map(homeRegionTag)).toEqual(['en-US', 'pt-PT', 'es-ES', 'fr-FR', 'de-DE']);
    expect(new Intl.NumberFormat(homeRegionTag('pt'), { style: 'currency', currency: 'EUR' }).format(1234.5)).toBe(
      '1234,50\u00a0€',
    );
  });
});
