/**
 * useState that outlives the component for the session: a screen is unmounted when another tab is
 * shown, and the planner expects to come back to the same place, filter and selection. A screen that
 * must forget on another plan passes its own memory and clears it.
 */
import { useMemoryState } from '../../api/hooks.tsx';

const session = new Map<string, unknown>();

/** What a screen will find remembered when it is next shown: another screen sending the planner to a place on it. */
export function remember<T>(key: string, value: T): void {
  session.set(key, value);
}

export function useRemembered<T>(key: string, initial: T, memory: Map<string, unknown> = session): [T, (u: T | ((old: T) => T)) => void] {
  return useMemoryState(key, initial, memory);
}
