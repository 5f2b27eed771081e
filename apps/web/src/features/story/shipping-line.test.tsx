import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../test/render';
import { ShippingLine, shippingQuoteText } from './shipping-line';

const shipping = {
  fromCountry: 'PT',
  options: [
    { region: 'domestic', amountMinor: 500, dispatchDays: 2 },
    { region: 'ES', amountMinor: 0, dispatchDays: 1 },
  ],
};

describe('ShippingLine', () => {
  it('shows the price for the chosen country, and that the piece does not ship elsewhere', () => {
    const onCountryChange = vi.fn();
    const { rerender } = renderWithI18n(
      <ShippingLine shipping={shipping} currency="EUR" country="PT" onCountryChange={onCountryChange} />,
    );
    expect(screen.getByRole('heading').textContent).toBe('Shipping from Portugal');
    expect(screen.getByTestId('shipping-quote').textContent).toBe(
      'Shipping €5.00 to Portugal, dispatched within 2 days.',
    );
    fireEvent.change(screen.getByLabelText('Ship to'), { target: { value: 'US' } });
    expect(onCountryChange).toHaveBeenCalledWith('US');
    rerender(<ShippingLine shipping={shipping} currency="EUR" country="US" onCountryChange={onCountryChange} />);
    expect(screen.getByRole('status').textContent).toBe('Does not ship to United States.');
  });

  it('asks for a country when none is known, and shows nothing for a story without shipping', () => {
    const { container, rerender } = renderWithI18n(
      <ShippingLine shipping={shipping} currency="EUR" country={null} onCountryChange={() => {}} />,
    );
    expect(screen.getByText('Choose where the piece would go to see its shipping price.')).toBeTruthy();
    rerender(<ShippingLine shipping={null} currency="EUR" country="PT" onCountryChange={() => {}} />);
    expect(container.textContent).toBe('');
  });

  it('words free shipping and a single day', () => {
    expect(shippingQuoteText(shipping, 'ES', 'EUR')).toEqual({
      ships: true,
      text: 'Free shipping to Spain, dispatched within 1 day.',
    });
  });
});
