import { type DependencyList, useLayoutEffect, useRef, useState } from 'react';

/**
 * The room from an element's top to the window's bottom, less `below` pixels: a table given it
 * fills the rest of the screen and scrolls inside, its header and first column in view. Measured
 * again when the window changes and when `deps` change (a bar above opened or closed).
 */
export function useFillHeight<T extends HTMLElement>(below: number, deps: DependencyList) {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      // Never less than a few rows, on a window made very small.
      setHeight(Math.max(240, Math.floor(window.innerHeight - top - below)));
    };
    measure();
    window.addEventListener('resize', measure);
    // What stands above may change height on its own (a hint under a field, a wrapped bar, a
    // font arriving): the page's main column is watched too.
    const watched = ref.current?.closest('main');
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    if (watched) observer?.observe(watched);
    return () => {
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what moves the element
  }, [below, ...deps]);
  return [ref, height] as const;
}
