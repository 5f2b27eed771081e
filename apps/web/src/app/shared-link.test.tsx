import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SharedLink } from './shared-link';

const STORY = '11111111-1111-4111-8111-111111111111';

describe('SharedLink', () => {
  it('opens the story or maker a shared link names', () => {
    const app = (path: string) =>
      render(
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/s/:storyId" element={<SharedLink to="stories" />} />
            <Route path="/m/:makerId" element={<SharedLink to="makers" />} />
            <Route path="/stories/:storyId" element={<p>story page</p>} />
            <Route path="/makers/:makerId" element={<p>maker page</p>} />
          </Routes>
        </MemoryRouter>,
      );
    app(`/s/${STORY}`);
    expect(screen.getByText('story page')).toBeTruthy();
    cleanup();
    app(`/m/${STORY}`);
    expect(screen.getByText('maker page')).toBeTruthy();
  });
});
