/**
 * The map's large GeoJSON as text for MapLibre's worker (useTextSource): the major roads, the unit boundaries
 * and an access result's service areas (access.areasGeoJson, by the key the result carries). Read once per
 * plan and question, kept in the plan's screen memory (so coming back to the map does not read it again),
 * read again when the roads dialog changed the geometry (the UI's geoVersion); a text that could not be read
 * (the plan closed meanwhile, areas no longer kept on the service) is asked again next time. `null` args: nothing.
 */
import { useMemo } from 'react';
import type { ApiArgs } from '../../../shared/api/contract.ts';
import { stableStringify, useDataStore } from '../../api/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import type { SourceText } from './useTextSource.ts';

type GeoTextMethod = 'map.roadsGeoJson' | 'map.boundariesGeoJson' | 'access.areasGeoJson';
interface Kept {
  plan: string;
  asked: string;
  geoVersion: number;
  text: Promise<Blob>;
}

export function useGeoText<M extends GeoTextMethod>(method: M, args: ApiArgs<M> | null): SourceText {
  const { text, memory } = useDataStore();
  const plan = useAppData().status?.plan?.path ?? null;
  const { geoVersion } = useUi();
  const asked = args === null ? null : stableStringify(args);
  return useMemo(() => {
    if (!plan || asked === null) return null;
    const key = `map.text ${method}`;
    const kept = memory.get(key) as Kept | undefined;
    if (kept && kept.plan === plan && kept.asked === asked && kept.geoVersion === geoVersion) return kept.text;
    const read = text(method, JSON.parse(asked) as ApiArgs<M>);
    memory.set(key, { plan, asked, geoVersion, text: read } satisfies Kept);
    // Not read (the plan closed meanwhile, an error): asked again next time, not kept as the answer.
    read.catch(() => {
      if ((memory.get(key) as Kept | undefined)?.text === read) memory.delete(key);
    });
    return read;
  }, [method, asked, plan, geoVersion, text, memory]);
}
