/**
 * Access targets for the programme (全域覆盖: everyone within the urban/rural minutes): what the access engine
 * says of them, as the model needs it (shared/programme/compile.ts AccessInput) — each year's demand points
 * with their people and whether the facilities no candidate touches reach them, and the points a facility of
 * the target's types would reach from each place a candidate may put one (its own analysis). The same engine
 * and settings as the gap screen's (targetAccess), so the model's people short are the gap screen's.
 */
import type { Target } from '../../../shared/gaps/standard.ts';
import { emptyFacility, type Facility } from '../../../shared/model/entities.ts';
import type { AccessInput } from '../../../shared/programme/compile.ts';
import type { ProgrammeAction } from '../../../shared/programme/types.ts';

type AccessTarget = Extract<Target, { kind: 'access' }>;

/**
 * The access engine's demand points for an access target in a year, with the given facilities (those of its
 * types count), within the set's region (`within`: its top units as the run's scope found them, as AccessOf's).
 */
export type AccessPoints = (
  t: AccessTarget,
  year: number,
  facilities: readonly Facility[],
  within: readonly string[],
) => Promise<{ codes: readonly string[]; population: Float64Array; covered: Uint8Array }>;

const placeKey = (lon: number, lat: number) => `${lon.toFixed(7)},${lat.toFixed(7)}`;

/** Where the candidates may put a facility of one of `types`: a touched facility's own place, or a new/relocated site. */
function candidatePlaces(
  types: ReadonlySet<string>,
  actions: readonly ProgrammeAction[],
  baseAt: (y: number) => readonly Facility[],
  years: readonly number[],
) {
  const places = new Map<string, { lon: number; lat: number }>();
  const add = (lon: number | null | undefined, lat: number | null | undefined) => {
    if (typeof lon === 'number' && typeof lat === 'number') places.set(placeKey(lon, lat), { lon, lat });
  };
  const byId = new Map<string, Facility>();
  for (const y of years) for (const f of baseAt(y)) if (!byId.has(f.id)) byId.set(f.id, f);
  const ofType = new Set(
    actions.filter((a) => a.facility && (types.has(byId.get(a.facility)?.type ?? '') || types.has(a.project.type ?? ''))).map((a) => a.facility!),
  );
  for (const a of actions) {
    if (!a.facility || !ofType.has(a.facility)) continue;
    const f = byId.get(a.facility);
    if (f) add(f.lon, f.lat);
    if (a.kind === 'new' || a.kind === 'relocate') add(a.project.lon, a.project.lat);
  }
  return places;
}

/**
 * The access targets the model can aim at (min 1, a region line), each prepared; `touched`: the facilities the
 * candidates change (left out of "already reached"); `within`: the region, handed to every `points` call.
 */
export async function accessInputs(
  targets: readonly Target[],
  years: readonly number[],
  baseAt: (y: number) => readonly Facility[],
  actions: readonly ProgrammeAction[],
  touched: ReadonlySet<string>,
  points: AccessPoints,
  within: readonly string[],
): Promise<Map<number, AccessInput>> {
  const out = new Map<number, AccessInput>();
  for (const [ti, t] of targets.entries()) {
    if (t.kind !== 'access' || t.reference || t.min !== 1 || !t.scopes.includes('region')) continue;
    const types = new Set<string>(t.facilityTypes);
    const places = candidatePlaces(types, actions, baseAt, years);
    if (places.size === 0) continue; // no candidate can change who is reached: nothing to choose
    // The points by their code across the years (a unit's remainder point comes and goes with its people).
    const index = new Map<string, number>();
    const at = (code: string) => {
      let i = index.get(code);
      if (i === undefined) index.set(code, (i = index.size));
      return i;
    };
    const runs: { r: Awaited<ReturnType<AccessPoints>>; idx: number[] }[] = [];
    for (const year of years) {
      const r = await points(
        t,
        year,
        baseAt(year).filter((f) => !touched.has(f.id)),
        within,
      );
      runs.push({ r, idx: r.codes.map(at) });
    }
    const population = runs.map(({ r, idx }) => {
      const v = new Float64Array(index.size);
      idx.forEach((i, k) => {
        v[i] = r.population[k]!;
      });
      return v;
    });
    const covered = runs.map(({ r, idx }) => {
      const v = new Uint8Array(index.size).fill(1); // a point absent that year has nobody to reach
      idx.forEach((i, k) => {
        v[i] = r.covered[k]!;
      });
      return v;
    });
    // Each place alone, in the last year (the roads are the same every year).
    const reach = new Map<string, Int32Array>();
    for (const [key, p] of places) {
      const f: Facility = { ...emptyFacility('programme-place', '候选位置', t.facilityTypes[0]!, ''), lon: p.lon, lat: p.lat };
      const r = await points(t, years[years.length - 1]!, [f], within);
      const hit: number[] = [];
      r.covered.forEach((c, k) => {
        const i = index.get(r.codes[k]!);
        if (c && i !== undefined) hit.push(i);
      });
      reach.set(key, Int32Array.from(hit));
    }
    out.set(ti, { population, covered, reach: (lon, lat) => reach.get(placeKey(lon, lat)) });
  }
  return out;
}
