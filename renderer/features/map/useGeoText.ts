/**
 * The map's large geometry (the major roads, the unit boundaries) as GeoJSON text for MapLibre's worker
 * (useTextSource): read once per plan, kept in the plan's screen memory (so coming back to the map does not
 * read it again), and read again when the roads dialog changed the geometry (the UI's geoVersion).
 */
import { useMemo } from 'react';
import type { ApiArgs } from '../../../shared/api/contract.ts';
import { stableStringify, useDataStore } from '../../api/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import type { SourceText } from './useTextSource.ts';

type GeoTextMethod = 'map.roadsGeoJson' | 'map.boundariesGeoJson';
interface Kept {
  plan: string;
  geoVersion: number;
  text: Promise<Blob>;
}

export function useGeoText<M extends GeoTextMethod>(method: M, args: ApiArgs<M>): SourceText {
  const { text, memory } = useDataStore();
  const plan = useAppData().status?.plan?.path ?? null;
  const { geoVersion } = useUi();
  const asked = stableStringify(args);
  return useMemo(() => {
    if (!plan) return null;
    const key = `map.text ${method} ${asked}`;
    const kept = memory.get(key) as Kept | undefined;
    if (kept && kept.plan === plan && kept.geoVersion === geoVersion) return kept.text;
    const read = text(method, JSON.parse(asked) as ApiArgs<M>);
    memory.set(key, { plan, geoVersion, text: read } satisfies Kept);
    // Not read (the plan closed meanwhile, an error): asked again next time, not kept as the answer.
    read.catch(() => {
      if ((memory.get(key) as Kept | undefined)?.text === read) memory.delete(key);
    });
    return read;
  }, [method, asked, plan, geoVersion, text, memory]);
}
