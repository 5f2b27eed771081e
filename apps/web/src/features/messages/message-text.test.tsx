import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MessageText } from './message-text';

const TEXT = 'See https://example.com/bowl and <b>this</b>';

describe('MessageText', () => {
  it('keeps links as plain text when the server does not allow them for the message', () => {
    const { container } = render(<MessageText text={TEXT} linksAllowed={false} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe(TEXT);
  });

  it('makes web addresses links when allowed, opened safely in a new tab', () => {
    render(<MessageText text={TEXT} linksAllowed />);
    const link = screen.getByRole('link', { name: 'https://example.com/bowl' });
    expect(link.getAttribute('href')).toBe('https://example.com/bowl');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('renders markup as the characters typed, never as HTML', () => {
    const { container } = render(<MessageText text={TEXT} linksAllowed />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>this</b>');
  });

  it('never links other schemes', () => {
    const { container } = render(<MessageText text="javascript:alert(1) data:text/html,x" linksAllowed />);
    expect(container.querySelector('a')).toBeNull();
  });
});
