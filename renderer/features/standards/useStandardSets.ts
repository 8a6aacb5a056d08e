/** The standard sets and the plan's choice, as the dialog reads and changes them through the service. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GapSettings } from '../../../shared/api/contract.ts';
import type { StandardSet, StandardSummary } from '../../../shared/gaps/standard.ts';
import { useAppActions } from '../../app/state/AppContext.tsx';

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
  const { invoke, write } = useAppActions();
  const [sets, setSets] = useState<StandardSummary[] | null>(null);
  const [settings, setSettings] = useState<GapSettings | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const cache = useRef(new Map<string, StandardSet>());

  const reloadList = useCallback(async () => setSets(await invoke('standards.list', {})), [invoke]);

  useEffect(() => {
    let live = true;
    Promise.all([invoke('standards.list', {}), invoke('gaps.settings', {})]).then(
      ([list, s]) => { if (live) { setSets(list); setSettings(s); } },
      (e: unknown) => { if (live) setLoadError(e); },
    );
    return () => { live = false; };
  }, [invoke]);

  const load = useCallback(async (id: string) => {
    const hit = cache.current.get(id);
    if (hit) return hit;
    const set = await invoke('standards.get', { id });
    cache.current.set(id, set);
    return set;
  }, [invoke]);

  return useMemo<StandardSets>(() => ({
    sets, settings, loadError, load,
    async save(set) {
      const saved = await write(() => invoke('standards.save', { set }));
      cache.current.set(saved.id, saved);
      await reloadList();
      return saved;
    },
    async copy(from, id, name) {
      const set = await write(() => invoke('standards.copy', { from, id, name }));
      cache.current.set(set.id, set);
      await reloadList();
      return set;
    },
    async remove(id) {
      await write(() => invoke('standards.delete', { id }));
      cache.current.delete(id);
      // A plan whose set is deleted falls back to a shipped one: read which.
      const [list, s] = await Promise.all([invoke('standards.list', {}), invoke('gaps.settings', {})]);
      setSets(list);
      setSettings(s);
    },
    async use(standardId, year) {
      const s = await write(() => invoke('gaps.setSettings', { standardId, year }));
      setSettings(s);
      return s;
    },
  }), [sets, settings, loadError, load, invoke, write, reloadList]);
}
