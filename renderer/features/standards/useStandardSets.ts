/**
 * The standard sets and the plan's choice, as the dialog reads and changes them through the service:
 * read through the client's cache (renderer/api), so every change (a write: the revision moves) is read
 * again here and on every screen that shows them.
 */
import { useCallback, useMemo } from 'react';
import { useDataStore, useQuery } from '../../api/index.ts';
import type { GapSettings } from '../../../shared/api/contract.ts';
import type { StandardSet, StandardSummary } from '../../../shared/gaps/standard.ts';
import { useAppActions } from '../../ui/state/AppContext.tsx';

export interface StandardSets {
  sets: StandardSummary[] | null;
  settings: GapSettings | null;
  loadError: unknown;
  /** One set with its targets (shipped sets are read once; the plan's own after every change). */
  load(id: string): Promise<StandardSet>;
  save(set: StandardSet): Promise<StandardSet>;
  copy(from: string, id: string, name: string): Promise<StandardSet>;
  /** Deletes one of the plan's own sets; the plan's choice is read again (it may have fallen back). */
  remove(id: string): Promise<void>;
  use(standardId: string, year: number): Promise<GapSettings>;
}

export function useStandardSets(): StandardSets {
  const { write } = useAppActions();
  const store = useDataStore();
  const { invoke } = store;
  const list = useQuery('standards.list', {});
  const choice = useQuery('gaps.settings', {});

  // Shipped sets do not change; the plan's own are read again after every change (a new revision).
  const load = useCallback((id: string) => store.fetch('standards.get', { id }), [store]);
  // After a write: the list as it now is (shared with the refetch the new revision started), before the caller goes on.
  const listNow = useCallback(() => store.fetch('standards.list', {}), [store]);

  return useMemo<StandardSets>(
    () => ({
      sets: list.data,
      settings: choice.data,
      loadError: list.error ?? choice.error,
      load,
      async save(set) {
        const saved = await write(() => invoke('standards.save', { set }));
        await listNow();
        return saved;
      },
      async copy(from, id, name) {
        const set = await write(() => invoke('standards.copy', { from, id, name }));
        await listNow();
        return set;
      },
      async remove(id) {
        await write(() => invoke('standards.delete', { id }));
        // A plan whose set is deleted falls back to a shipped one: read which.
        await Promise.all([listNow(), store.fetch('gaps.settings', {})]);
      },
      async use(standardId, year) {
        const s = await write(() => invoke('gaps.setSettings', { standardId, year }));
        await store.fetch('gaps.settings', {});
        return s;
      },
    }),
    [list.data, list.error, choice.data, choice.error, load, listNow, store, invoke, write],
  );
}
