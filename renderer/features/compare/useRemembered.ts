/** useState that outlives the tab for the session: the planner comes back to the same place and filter. */
import { useCallback, useState } from 'react';

const memory = new Map<string, unknown>();

export function useRemembered<T>(key: string, initial: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback((v: T) => { memory.set(key, v); setValue(v); }, [key]);
  return [value, set];
}
