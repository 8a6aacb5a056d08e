/**
 * useState that outlives the component for the session: the gaps screen is unmounted when another tab
 * is shown, and the planner expects to come back to the same place, filter and selection.
 */
import { useCallback, useState } from 'react';

const memory = new Map<string, unknown>();

export function useRemembered<T>(key: string, initial: T): [T, (u: T | ((old: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback((u: T | ((old: T) => T)) => {
    setValue((old) => {
      const next = typeof u === 'function' ? (u as (o: T) => T)(old) : u;
      memory.set(key, next);
      return next;
    });
  }, [key]);
  return [value, set];
}
