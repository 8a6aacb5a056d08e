/**
 * 人口推算: every unit's population in the target year, from the figures it has for other years and
 * its annual growth rate. Ratio targets divide by these; a unit with no figure of its own sums its
 * children's (region-index does that).
 *
 * For one unit and one band (total, 0–3, 65+), with its dated figures (the unit row's own, at its
 * `year`, and any from the population table):
 * - a figure for the year itself is used as it is;
 * - between two years, the line between them (rounded to a person);
 * - before the first or after the last, the nearest figure grown at the unit's rate (its own, else its
 *   nearest ancestor's): P × (1 + r/100)^(Δ years);
 * - without a rate, the nearest figure is held, and the report says which year it is from.
 */
import type { PopulationFigure, Unit } from '../model/entities.ts';

export type { PopulationFigure };

export type PopulationBand = 'total' | 'age_0_3' | 'age_65_plus';
export const POPULATION_BANDS: readonly PopulationBand[] = ['total', 'age_0_3', 'age_65_plus'];
export const BAND_FIELD = { total: 'population', age_0_3: 'population_0_3', age_65_plus: 'population_65_plus' } as const;

/** How a unit's total population in the year was found. */
export const Method = { None: 0, Exact: 1, Interpolated: 2, Projected: 3, Held: 4 } as const;
export type Method = (typeof Method)[keyof typeof Method];

export interface UnitPopulations {
  /** Per unit and band: its own figure in the year, NaN where it has none. */
  own: Record<PopulationBand, Float64Array>;
  /** Per unit: how its total was found. */
  method: Uint8Array;
  /** Per unit: the year a held figure is from (0: the figure carries no year). */
  heldFrom: Int32Array;
}

interface Point {
  year: number;
  value: number;
}

/** The value in `year` from dated points sorted by year; `rate` in percent a year, or null. */
function valueAt(points: readonly Point[], year: number, rate: number | null): { value: number; method: Method; from: number } {
  let before: Point | undefined;
  let after: Point | undefined;
  for (const p of points) {
    if (p.year === year) return { value: p.value, method: Method.Exact, from: year };
    if (p.year < year) before = p;
    else if (!after) after = p;
  }
  if (before && after) {
    const v = before.value + ((after.value - before.value) * (year - before.year)) / (after.year - before.year);
    return { value: Math.round(v), method: Method.Interpolated, from: year };
  }
  const near = (before ?? after)!;
  if (rate === null) return { value: near.value, method: Method.Held, from: near.year };
  return { value: Math.round(near.value * (1 + rate / 100) ** (year - near.year)), method: Method.Projected, from: near.year };
}

/**
 * Each unit's populations in `year`. `parent[i]` is unit i's parent index (-1 at the top); the rate a
 * unit lacks is taken from its nearest ancestor that has one.
 */
export function populationsAt(units: readonly Unit[], parent: Int32Array, figures: readonly PopulationFigure[], year: number): UnitPopulations {
  const n = units.length;
  const index = new Map<string, number>();
  units.forEach((u, i) => index.set(u.code, i));
  const table: PopulationFigure[][] = Array.from({ length: n }, () => []);
  for (const f of figures) {
    const i = index.get(f.code);
    if (i !== undefined) table[i]!.push(f);
  }

  const rateOf = (i: number): number | null => {
    for (let u = i, depth = 0; u >= 0 && depth < 16; u = parent[u]!, depth++) {
      const r = units[u]!.growth_rate;
      if (r != null) return r;
    }
    return null;
  };

  const own = { total: new Float64Array(n).fill(NaN), age_0_3: new Float64Array(n).fill(NaN), age_65_plus: new Float64Array(n).fill(NaN) };
  const method = new Uint8Array(n);
  const heldFrom = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const rate = rateOf(i);
    for (const band of POPULATION_BANDS) {
      const field = BAND_FIELD[band];
      const rowValue = u[field];
      const points: Point[] = [];
      for (const f of table[i]!) {
        const v = f[field];
        if (v != null) points.push({ year: f.year, value: v });
      }
      if (rowValue != null && u.year != null && !points.some((p) => p.year === u.year)) points.push({ year: u.year, value: rowValue });
      let r: { value: number; method: Method; from: number };
      if (points.length) {
        points.sort((a, b) => a.year - b.year);
        r = valueAt(points, year, rate);
      } else if (rowValue != null) {
        r = { value: rowValue, method: Method.Held, from: 0 }; // a figure with no year: taken as it is
      } else continue;
      own[band][i] = r.value;
      if (band === 'total') {
        method[i] = r.method;
        heldFrom[i] = r.from;
      }
    }
  }
  return { own, method, heldFrom };
}

/** What a reader must know about the populations of the given units in `year`. */
export function populationNotes(p: UnitPopulations, units: Iterable<number>, year: number): { zh: string; en: string }[] {
  let projected = 0,
    interpolated = 0;
  const held = new Map<number, number>();
  for (const i of units) {
    const m = p.method[i]!;
    if (m === Method.Projected) projected++;
    else if (m === Method.Interpolated) interpolated++;
    else if (m === Method.Held) held.set(p.heldFrom[i]!, (held.get(p.heldFrom[i]!) ?? 0) + 1);
  }
  const n0 = (n: number) => n.toLocaleString('en-US');
  const units_ = (n: number) => (n === 1 ? '1 unit' : `${n0(n)} units`);
  const notes: { zh: string; en: string }[] = [];
  if (projected)
    notes.push({
      zh: `人口：${n0(projected)} 个单位按年均增长率推算至 ${year} 年`,
      en: `Population: ${units_(projected)} projected to ${year} at their annual growth rate`,
    });
  if (interpolated)
    notes.push({
      zh: `人口：${n0(interpolated)} 个单位按前后年份数据插值得到 ${year} 年人口`,
      en: `Population: ${units_(interpolated)} interpolated for ${year} between the years given`,
    });
  for (const [from, count] of [...held].sort((a, b) => a[0] - b[0])) {
    notes.push(
      from === 0
        ? { zh: `人口：${n0(count)} 个单位的人口未注明年份，按原值计`, en: `Population: ${units_(count)} with no year given, taken as it is` }
        : {
            zh: `人口：${n0(count)} 个单位没有 ${year} 年人口，也没有增长率，沿用 ${from} 年人口`,
            en: `Population: ${units_(count)} with no ${year} figure and no growth rate; the ${from} figure is used`,
          },
    );
  }
  return notes;
}
