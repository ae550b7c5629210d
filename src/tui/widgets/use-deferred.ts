import { useEffect, useState } from 'react';

/**
 * Computes a slow value after the first frame is painted (reading every question bank, or
 * loading the lab catalog on the home screen), so that the screen appears at once and
 * fills in a moment later instead of the learner waiting on a blank terminal.
 */
export function useDeferred<T>(compute: () => T | Promise<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void Promise.resolve(compute()).then((v) => {
        if (live) setValue(v);
      });
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The computation runs once, when the screen opens.
  }, []);
  return value;
}
