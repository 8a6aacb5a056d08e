/**
 * 公平 — who is left out: an access result's coverage split by group — urban and rural (each demand
 * point's own class, the one whose threshold applied), and the age bands the plan has (0–3 for
 * childcare, 65+ for elderly care) — for the region and each county, and the groups worst served.
 *
 * How the age bands reach the demand points: a unit's figure of a band in the year is its own
 * (gaps/population.ts populationsAt), else the sum of its units below when every one has one — as the
 * gap engine counts an age band (gaps/region-index.ts). A point carries its unit's share of the band —
 * band ÷ total of the same unit (a village's own 0–3 over its own people) — times its own population,
 * so a village's point holds exactly its village's figure; a unit without both figures takes the share
 * of the nearest unit above that has them (its street/town's, else its county's); a point with no such
 * unit above is left out of that band, and said.
 *
 * Urban + rural is the whole, covered likewise, and the counties add up to the region (but for people
 * placed above every county, e.g. a city's own remainder). Hot loop on typed arrays, no allocation.
 */
import type { PopulationBand } from '../gaps/population.ts';

export type AgeBand = Exclude<PopulationBand, 'total'>;
export const AGE_BANDS: readonly AgeBand[] = ['age_0_3', 'age_65_plus'];

/** all: everyone; urban / rural: by the demand point's class; the age bands apportioned as the module note says. */
export type GroupKey = 'all' | 'urban' | 'rural' | AgeBand;
export const GROUP_KEYS: readonly GroupKey[] = ['all', 'urban', 'rural', 'age_0_3', 'age_65_plus'];

export interface GroupCoverage {
  group: GroupKey;
  population: number;
  covered: number;
  /** population − covered: the people of the group beyond the threshold (or out of reach). */
  leftOut: number;
  /** covered ÷ population, 0–1; null with nobody in the group. */
  share: number | null;
}

export interface GroupArea {
  code: string;
  name: string;
  /** In GROUP_KEYS order, the age bands only where the plan has them. */
  groups: GroupCoverage[];
}

export interface WorstGroup extends GroupCoverage {
  scope: 'region' | 'county';
  code: string;
  name: string;
  share: number;
}

export interface AgeApportion {
  band: AgeBand;
  /** People whose point's own unit has the band (its own figure, or its units' sum). */
  byOwn: number;
  /** People whose unit has none, given the share of a unit above. */
  byAbove: number;
  /** People with no unit up the chain that has the band: not in the band's figures. */
  unknown: number;
}

export interface AccessGroups {
  /** The region's groups: all, urban, rural, then the age bands the plan has. */
  region: GroupCoverage[];
  /** Each county (区县) with people in the demand, in plan order. */
  counties: GroupArea[];
  /** The lowest covered shares among the counties' urban/rural/age groups (the region's with fewer than two counties), lowest first, with people left out. */
  worst: WorstGroup[];
  /** The age bands the plan has, and how their people were apportioned. */
  ages: AgeApportion[];
  /** How the splits were made, said beside them. */
  note: string;
  noteEn: string;
}

export interface GroupInput {
  /** Per demand point. */
  population: Float64Array;
  urban: Uint8Array;
  covered: Uint8Array;
  /** The point's unit (an index into `units`), or -1. */
  unit: Int32Array;
  /** The plan's units. */
  units: readonly { code: string; name: string }[];
  /** Per unit: its parent's index, -1 at the top. */
  parent: Int32Array;
  /** Per unit: its county's index (itself for a county), -1 above or outside any county. */
  county: Int32Array;
  /** Per unit: its own total population in the year, NaN where none. */
  total: Float64Array;
  /** Per unit and age band: its own figure in the year, NaN where none; a band absent (or all NaN) is one the plan does not have. */
  ages?: Partial<Record<AgeBand, Float64Array>>;
  /** How many worst-served groups to list (5). */
  worst?: number;
}

const G = GROUP_KEYS.length;
const ALL = 0,
  URBAN = 1,
  RURAL = 2,
  AGE0 = 3;
const MAX_DEPTH = 32;

/** A unit's figure of a band: its own, else its units' sum when all of them have one (NaN otherwise). */
function figures(own: Float64Array, children: readonly number[][]): Float64Array {
  const n = own.length;
  const out = new Float64Array(n).fill(-1);
  const at = (i: number, depth: number): number => {
    const m = out[i]!;
    if (m >= 0 || Number.isNaN(m)) return m;
    out[i] = NaN; // a parent loop reads as unknown
    const o = own[i]!;
    let v = NaN;
    if (!Number.isNaN(o)) v = o;
    else if (children[i]!.length && depth < MAX_DEPTH) {
      v = 0;
      for (const c of children[i]!) v += at(c, depth + 1);
    }
    out[i] = v;
    return v;
  };
  for (let i = 0; i < n; i++) at(i, 0);
  return out;
}

/**
 * Per unit: the share of the band among its people (its own figures, else the nearest unit above with
 * both), NaN where none up the chain; and whether the share is the unit's own.
 */
function shares(band: Float64Array, total: Float64Array, parent: Int32Array): { share: Float64Array; own: Uint8Array } {
  const n = band.length;
  const share = new Float64Array(n).fill(NaN),
    own = new Uint8Array(n);
  const done = new Uint8Array(n);
  const at = (i: number, depth: number): number => {
    if (done[i]) return share[i]!;
    done[i] = 1; // a parent loop reads as none
    const a = band[i]!,
      t = total[i]!;
    if (a >= 0 && t > 0) {
      share[i] = a / t;
      own[i] = 1;
    } else if (parent[i]! >= 0 && depth < MAX_DEPTH) share[i] = at(parent[i]!, depth + 1);
    return share[i]!;
  };
  for (let i = 0; i < n; i++) at(i, 0);
  return { share, own };
}

const AGE_WORDS: Record<AgeBand, { zh: string; en: string }> = {
  age_0_3: { zh: '0–3 岁', en: '0–3' },
  age_65_plus: { zh: '65 岁及以上', en: '65+' },
};
const fmt = (v: number) => Math.round(v).toLocaleString('en-US');

function line(group: GroupKey, population: number, covered: number, round: boolean): GroupCoverage {
  const p = round ? Math.round(population) : population,
    c = round ? Math.round(covered) : covered;
  return { group, population: p, covered: c, leftOut: p - c, share: population > 0 ? covered / population : null };
}

/**
 * Whole numbers summing to `total` from non-negative parts: each part's floor, then one more to the largest
 * remainders (or one less from the smallest, where the total is below the floors' sum), ties to the first.
 */
export function largestRemainder(parts: readonly number[], total: number): number[] {
  const out = parts.map((v) => Math.floor(v));
  let d = total - out.reduce((a, b) => a + b, 0);
  const order = parts.map((_, i) => i).sort((a, b) => parts[b]! - out[b]! - (parts[a]! - out[a]!) || a - b);
  for (let n = 0; d > 0 && n < 4 * order.length; n++, d--) out[order[n % order.length]!]!++;
  for (let n = order.length - 1; d < 0 && n >= 0; n--)
    if (out[order[n]!]! > 0) {
      out[order[n]!]!--;
      d++;
    }
  return out;
}

const WORST = 5;

/** The groups worst served: the counties' (the region's with fewer than two counties), but everyone, with a person or more left out; lowest share first, then most left out. */
function worstOf(region: readonly GroupCoverage[], counties: readonly GroupArea[], n: number): WorstGroup[] {
  const pool: WorstGroup[] =
    counties.length >= 2
      ? counties.flatMap((a) => a.groups.map((x) => ({ ...x, scope: 'county' as const, code: a.code, name: a.name, share: x.share ?? 1 })))
      : region.map((x) => ({ ...x, scope: 'region' as const, code: 'region', name: '', share: x.share ?? 1 }));
  return pool
    .filter((x) => x.group !== 'all' && x.population >= 1 && x.leftOut >= 1)
    .sort((a, b) => a.share - b.share || b.leftOut - a.leftOut)
    .slice(0, n);
}

export function accessGroups(input: GroupInput): AccessGroups {
  const { population, urban, covered, unit, units, parent, county, total } = input;
  const n = units.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p >= 0 && p !== i) children[p]!.push(i);
  }
  // The bands the plan has: a figure on any unit.
  const bands = AGE_BANDS.filter((b) => input.ages?.[b]?.some((v) => !Number.isNaN(v)));
  const totals = bands.length ? figures(total, children) : total;
  const bandShare = AGE_BANDS.map((b) => (bands.includes(b) ? shares(figures(input.ages![b]!, children), totals, parent) : null));

  // Slot 0 the region, then one per county with people, in plan order.
  const slotOf = new Int32Array(n).fill(-1);
  const pts = population.length;
  for (let p = 0; p < pts; p++) {
    const u = unit[p]!;
    const c = u >= 0 ? county[u]! : -1;
    if (c >= 0) slotOf[c] = 0;
  }
  const countyUnits: number[] = [];
  for (let i = 0; i < n; i++)
    if (slotOf[i] === 0) {
      countyUnits.push(i);
      slotOf[i] = countyUnits.length;
    }
  const slots = 1 + countyUnits.length;
  const pop = new Float64Array(slots * G),
    cov = new Float64Array(slots * G);
  const byOwn = new Float64Array(AGE_BANDS.length),
    byAbove = new Float64Array(AGE_BANDS.length),
    unknown = new Float64Array(AGE_BANDS.length);

  for (let p = 0; p < pts; p++) {
    const w = population[p]!;
    if (!(w > 0)) continue;
    const u = unit[p]!;
    const ok = covered[p] === 1;
    const c = u >= 0 ? county[u]! : -1;
    const s1 = c >= 0 ? slotOf[c]! * G : -1;
    const cls = urban[p] === 1 ? URBAN : RURAL;
    pop[ALL]! += w;
    pop[cls]! += w;
    if (ok) {
      cov[ALL]! += w;
      cov[cls]! += w;
    }
    if (s1 >= 0) {
      pop[s1 + ALL]! += w;
      pop[s1 + cls]! += w;
      if (ok) {
        cov[s1 + ALL]! += w;
        cov[s1 + cls]! += w;
      }
    }
    for (let b = 0; b < AGE_BANDS.length; b++) {
      const sh = bandShare[b];
      if (!sh) continue;
      const r = u >= 0 ? sh.share[u]! : NaN;
      if (Number.isNaN(r)) {
        unknown[b]! += w;
        continue;
      }
      if (sh.own[u]) byOwn[b]! += w;
      else byAbove[b]! += w;
      const a = w * r,
        g = AGE0 + b;
      pop[g]! += a;
      if (ok) cov[g]! += a;
      if (s1 >= 0) {
        pop[s1 + g]! += a;
        if (ok) cov[s1 + g]! += a;
      }
    }
  }

  const keys = GROUP_KEYS.map((k, g) => [k, g] as const).filter(([k]) => k === 'all' || k === 'urban' || k === 'rural' || bands.includes(k as AgeBand));
  // The age figures are apportioned (fractions of persons): said in whole persons.
  const linesAt = (slot: number) => keys.map(([k, g]) => line(k, pop[slot * G + g]!, cov[slot * G + g]!, g >= AGE0));
  const region = linesAt(0);
  const counties: GroupArea[] = countyUnits.map((i, k) => ({ code: units[i]!.code, name: units[i]!.name, groups: linesAt(k + 1) }));
  // Rounded one by one, the counties' age figures could miss the region's by a person: instead their whole
  // persons are shared out by largest remainder, covered and left out each, so they add up as the region's do.
  for (const [j, [, g]] of keys.entries()) {
    if (g < AGE0 || !counties.length) continue;
    const c = countyUnits.map((_, k) => cov[(k + 1) * G + g]!);
    const left = countyUnits.map((_, k) => pop[(k + 1) * G + g]! - cov[(k + 1) * G + g]!);
    const tc = Math.round(c.reduce((a, b) => a + b, 0));
    const tp = Math.round(countyUnits.reduce((a, _, k) => a + pop[(k + 1) * G + g]!, 0));
    const cs = largestRemainder(c, tc),
      ls = largestRemainder(left, tp - tc);
    counties.forEach((area, k) => {
      const x = area.groups[j]!;
      area.groups[j] = { ...x, population: cs[k]! + ls[k]!, covered: cs[k]!, leftOut: ls[k]! };
    });
  }

  const worst = worstOf(region, counties, input.worst ?? WORST);

  const ages: AgeApportion[] = bands.map((band) => {
    const b = AGE_BANDS.indexOf(band);
    return { band, byOwn: byOwn[b]!, byAbove: byAbove[b]!, unknown: unknown[b]! };
  });
  const note = { zh: ['城镇、农村按各需求点的城乡属性（适用的时限）划分'], en: ["Urban and rural by each demand point's class (the threshold that applies)"] };
  if (ages.length) {
    const names = { zh: ages.map((a) => AGE_WORDS[a.band].zh).join('、'), en: ages.map((a) => AGE_WORDS[a.band].en).join(' and ') };
    note.zh.push(`${names.zh}人口按所在村/社区该年龄段人口占其人口的比例分摊到需求点，本级无数据的取上级（街道/乡镇、区县）的比例`);
    note.en.push(
      `the ${names.en} populations are apportioned to each demand point by its village's/community's own share of the age band, or, where it has none, the share of the street/town or county above`,
    );
    for (const a of ages) {
      const w = AGE_WORDS[a.band];
      if (a.byAbove >= 1) {
        note.zh.push(`${w.zh}：${fmt(a.byAbove)} 人所在单位无本级数据，按上级比例计`);
        note.en.push(`${w.en}: ${fmt(a.byAbove)} people in units without a figure of their own take the share of a unit above`);
      }
      if (a.unknown >= 1) {
        note.zh.push(`${w.zh}：${fmt(a.unknown)} 人所在单位及其上级均无该年龄段人口，未计入`);
        note.en.push(`${w.en}: ${fmt(a.unknown)} people in units with no such figure at any level are not counted`);
      }
    }
  } else {
    note.zh.push('方案没有 0–3 岁、65 岁及以上人口');
    note.en.push('the plan has no population aged 0–3 or 65+');
  }
  return { region, counties, worst, ages, note: `${note.zh.join('；')}。`, noteEn: `${note.en.join('; ')}.` };
}

/** The groups' names as tables and the command line say them. */
export const GROUP_NAMES: Record<GroupKey, { zh: string; en: string }> = {
  all: { zh: '全部人口', en: 'everyone' },
  urban: { zh: '城镇', en: 'urban' },
  rural: { zh: '农村', en: 'rural' },
  age_0_3: { zh: '0–3 岁', en: 'aged 0–3' },
  age_65_plus: { zh: '65 岁及以上', en: 'aged 65+' },
};

/** The splits asked for (`healthplan access --by urban,age`): everyone, then urban/rural and/or the age bands the plan has. */
export function pickGroups(g: AccessGroups, by: readonly ('urban' | 'age')[]): AccessGroups {
  const keep = (k: GroupKey) =>
    k === 'all' || (by.includes('urban') && (k === 'urban' || k === 'rural')) || (by.includes('age') && k !== 'urban' && k !== 'rural');
  const region = g.region.filter((x) => keep(x.group));
  const counties = g.counties.map((c) => ({ ...c, groups: c.groups.filter((x) => keep(x.group)) }));
  return { ...g, region, counties, worst: worstOf(region, counties, WORST), ages: by.includes('age') ? g.ages : [] };
}
