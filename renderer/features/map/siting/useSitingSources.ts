/**
 * What the map draws of a siting question and its answer: the candidates (generated and upgradable
 * ones faint, the planner's own — sheet and clicks — ringed, shown before any run), the demand points
 * coloured covered before / newly covered / still not covered, and the proposed sites numbered with
 * their names. Empty when the siting panel is not the one shown.
 */
import { useEffect, useMemo } from 'react';
import { useDataStore } from '../../../api/index.ts';
import type { Feature, FeatureCollection } from 'geojson';
import type { SitingPointOut, SitingResultOut } from '../../../../shared/siting/query.ts';
import { EMPTY } from '../geo.ts';
import type { MapLibreMap } from '../maplibre.ts';
import { useSourceData } from '../useSourceData.ts';
import { addSiteIcons, siteIconId } from './siteIcons.ts';
import type { SitingSettings } from './settings.ts';

export type DemandState = 'before' | 'newly' | 'uncovered';
export const demandState = (p: SitingPointOut): DemandState => (p.coveredBefore ? 'before' : p.coveredAfter ? 'newly' : 'uncovered');

const point = (lon: number, lat: number, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties,
});
const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

function candidates(result: SitingResultOut | null, s: SitingSettings): FeatureCollection {
  const own = [...s.listSites, ...s.mapSites].map((c) => point(c.lon, c.lat, { planner: true, name: c.name }));
  const found = (result?.candidates ?? []).filter((c) => c.source !== 'list').map((c) => point(c.lon, c.lat, { planner: false }));
  return collection([...found, ...own]);
}

/** The answer the view was last fitted to (in the plan's screen memory: coming back to the tab does not fit it again). */
const FITTED = 'map.siting.fitted';

function bounds(at: readonly { lon: number; lat: number }[]): [number, number, number, number] | null {
  if (!at.length) return null;
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const p of at) {
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  return [w, s, e, n];
}

export function useSitingSources(map: MapLibreMap | null, shown: { result: SitingResultOut | null; settings: SitingSettings } | null): void {
  const result = shown?.result ?? null;
  const settings = shown?.settings ?? null;
  const count = result?.chosen.length ?? 0;
  const { memory } = useDataStore();
  const demand = useMemo(
    () => (result ? collection(result.points.map((p) => point(p.lon, p.lat, { name: p.name, population: p.population, state: demandState(p) }))) : EMPTY),
    [result],
  );
  const cands = useMemo(() => (settings ? candidates(result, settings) : EMPTY), [result, settings]);
  const sites = useMemo(
    () => (result ? collection(result.chosen.map((c, i) => point(c.lon, c.lat, { n: i + 1, icon: siteIconId(i + 1), label: c.name }))) : EMPTY),
    [result],
  );

  // The numbered marks exist before the data that names them.
  useEffect(() => {
    if (map && count) addSiteIcons(map, count);
  }, [map, count]);
  // A new answer is shown whole: the area's demand points and the sites in view (once per answer).
  useEffect(() => {
    if (!map || !result || memory.get(FITTED) === result) return;
    memory.set(FITTED, result);
    const b = bounds([...result.points, ...result.chosen]);
    if (b) map.fitBounds(b, { padding: 50, maxZoom: 12.5, duration: 600 });
  }, [map, result, memory]);
  useSourceData(map, 'siting-demand', demand);
  useSourceData(map, 'siting-candidates', cands);
  useSourceData(map, 'siting-sites', sites);
}
