import { useEffect, useState } from 'react';

/** Keeps the last value for `delay` ms before passing it on, so dragging the slider asks once, not per pixel. */
export function useSettled<T>(value: T, delay = 200): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
