/**
 * useState that outlives the component for the session: a screen is unmounted when another tab is
 * shown, and the planner expects to come back to the same place, filter and selection. Kept in the
 * session memory of the client's store (renderer/api), so one per AppProvider and kept when another
 * plan is opened (a screen that must forget on another plan uses useKept, or keys what it keeps by plan).
 */
import { useCallback } from 'react';
import { useDataStore, useMemoryState } from '../../api/hooks.tsx';

export function useRemembered<T>(key: string, initial: T): [T, (u: T | ((old: T) => T)) => void] {
  return useMemoryState(key, initial, useDataStore().session);
}

/**
 * `remember(key, value)`: what a screen will find remembered when it is next shown — another screen
 * sending the planner to a place on it.
 */
export function useRemember(): <T>(key: string, value: T) => void {
  const { session } = useDataStore();
  return useCallback(
    <T>(key: string, value: T) => {
      session.set(key, value);
    },
    [session],
  );
}
