import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../../test/render';
import { TrackingNumber } from './tracking-link';

describe('TrackingNumber', () => {
  it('links a recognised number to the carrier’s tracking page, in a new tab', () => {
    renderWithI18n(
      <TrackingNumber number="1Z999AA10123456784" url="https://www.ups.com/track?tracknum=1Z999AA10123456784" />,
    );
    const link = screen.getByRole('link', { name: /1Z999AA10123456784/ });
    expect(link.getAttribute('href')).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('shows an unrecognised number as text, and never links anything but https', () => {
    const { rerender } = renderWithI18n(<TrackingNumber number="VC-42-2026" url={null} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('VC-42-2026')).toBeTruthy();
    rerender(<TrackingNumber number="X1" url="javascript:alert(1)" />);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
