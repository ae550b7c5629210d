import { useCallback, useRef, useState } from 'react';

/**
 * useReducer whose latest state can be read at once: several keys can arrive in one input
 * chunk ("aws s3 ls\r"), and the handler of the last one must see what the first ones did,
 * before React renders again.
 */
export function useSyncReducer<S, A>(reducer: (state: S, action: A) => S, initial: () => S): [S, (action: A) => S, () => S] {
  const ref = useRef<{ state: S } | undefined>(undefined);
  if (!ref.current) ref.current = { state: initial() };
  const [state, setState] = useState(ref.current.state);
  const dispatch = useCallback(
    (action: A) => {
      const next = reducer(ref.current!.state, action);
      ref.current = { state: next };
      setState(next);
      return next;
    },
    [reducer],
  );
  const latest = useCallback(() => ref.current!.state, []);
  return [state, dispatch, latest];
}

/** useState whose latest value can be read at once (see useSyncReducer). */
export function useSyncState<S>(initial: () => S): [S, (next: S | ((previous: S) => S)) => void, () => S] {
  const [state, dispatch, latest] = useSyncReducer<S, S | ((previous: S) => S)>(
    (previous, next) => (typeof next === 'function' ? (next as (p: S) => S)(previous) : next),
    initial,
  );
  return [state, dispatch, latest];
}
