import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * The index of the item filling a vertical scroll-snap container, from its scroll position
 * (one item per viewport height); `scrollToIndex` jumps without animation.
 */
export function useActiveIndex(container: RefObject<HTMLElement | null>, initialIndex: number) {
  const [activeIndex, setActiveIndex] = useState(initialIndex);
  const frame = useRef(0);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onScroll = () => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => {
        const height = element.clientHeight || 1;
        setActiveIndex(Math.max(0, Math.round(element.scrollTop / height)));
      });
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame.current);
    };
  }, [container]);

  const scrollToIndex = useCallback(
    (index: number, behavior: ScrollBehavior = 'instant') => {
      const element = container.current;
      if (!element) return;
      element.scrollTo({ top: index * element.clientHeight, behavior });
      setActiveIndex(index);
    },
    [container],
  );

  return { activeIndex, scrollToIndex };
}
