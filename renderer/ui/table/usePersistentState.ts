/** useState whose value is kept in localStorage under a key (column choices and widths). */
import { useCallback, useState } from 'react';

function read<T>(key: string, fallback: T): T {
  try {
    const s = localStorage.getItem(key);
    return s === null ? fallback : (JSON.parse(s) as T);
  } catch {
    return fallback;
  }
}

export function usePersistentState<T>(key: string, fallback: T): [T, (u: T | ((old: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => read(key, fallback));
  const set = useCallback(
    (u: T | ((old: T) => T)) => {
      setValue((old) => {
        const next = typeof u === 'function' ? (u as (o: T) => T)(old) : u;
        try {
          localStorage.setItem(key, JSON.stringify(next));
        } catch {
          /* not remembered */
        }
        return next;
      });
    },
    [key],
  );
  return [value, set];
}
