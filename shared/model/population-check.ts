/**
 * 上下级人口不一致: a unit whose own population differs from what its children add up to (a city of
 * 1,200,000 over one county of 320,000; a street of 85,000 whose listed communities hold 30,000; a
 * county of 1,200,000 whose districts add up to 1,500,000). Which figure a view uses then changes its
 * numbers, so every view that uses either says so.
 *
 * Entry points:
 * - `populationMismatches(units, parent, own)`: every unit with its own figure and children with
 *   figures whose sum differs from it by more than 0.5 % and more than 100 people.
 * - `mismatchLines(list, { max })`: the lines a result's notes carry for them (zh/en), which figure
 *   ratios use (the unit's own, as the gap engine does) and which the demand of access/siting uses.
 *
 * Pure (no Node/DOM).
 */

export interface PopulationMismatch {
  code: string;
  name: string;
  /** The unit's own figure. */
  own: number;
  /** Its children's figures added up (a child without its own figure counts as its children's sum). */
  childrenSum: number;
}

/** More than this share of the unit's own figure, and more than `MIN_PEOPLE`, counts as a mismatch. */
export const MISMATCH_SHARE = 0.005;
export const MIN_PEOPLE = 100;

/**
 * `parent[i]`: unit i's parent index (-1 at the top); `own[i]`: its own population (NaN: none).
 * A child's figure is its own, else the sum of its children's (as the gap engine counts it); a
 * child with no figure at all is left out of the sum, and a unit none of whose children has a figure
 * is not compared. In plan order.
 */
export function populationMismatches(units: readonly { code: string; name: string }[], parent: Int32Array, own: Float64Array): PopulationMismatch[] {
  const n = units.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p >= 0 && p !== i) children[p]!.push(i);
  }
  // A unit's figure as the gap engine has it: its own, else its children's sum (NaN: none under it).
  const memo = new Float64Array(n).fill(-1);
  const figure = (i: number, depth = 0): number => {
    if (memo[i]! >= 0 || Number.isNaN(memo[i])) return memo[i]!;
    memo[i] = NaN; // guards a parent loop
    let v = own[i]!;
    if (Number.isNaN(v) && depth < 32) {
      let sum = 0,
        any = false;
      for (const c of children[i]!) {
        const x = figure(c, depth + 1);
        if (!Number.isNaN(x)) {
          sum += x;
          any = true;
        }
      }
      v = any ? sum : NaN;
    }
    memo[i] = v;
    return v;
  };
  const out: PopulationMismatch[] = [];
  for (let i = 0; i < n; i++) {
    const o = own[i]!;
    if (Number.isNaN(o) || children[i]!.length === 0) continue;
    let sum = 0,
      any = false;
    for (const c of children[i]!) {
      const x = figure(c);
      if (!Number.isNaN(x)) {
        sum += x;
        any = true;
      }
    }
    if (!any) continue;
    const d = Math.abs(o - sum);
    if (d > MISMATCH_SHARE * o && d > MIN_PEOPLE) out.push({ code: units[i]!.code, name: units[i]!.name, own: o, childrenSum: sum });
  }
  return out;
}

const n0 = (v: number) => Math.round(v).toLocaleString('en-US');

/**
 * One line per mismatch (at most `max`, then "等 N 个"), children larger first (those change the demand
 * against the unit's own figure), then by the difference. `demand`: whether the reader's figures come
 * from a demand built of the children's points plus remainders (access, siting).
 */
export function mismatchLines(list: readonly PopulationMismatch[], opts: { max?: number; demand?: boolean } = {}): { zh: string[]; en: string[] } {
  const max = opts.max ?? 5;
  const sorted = [...list].sort(
    (a, b) => Number(b.childrenSum > b.own) - Number(a.childrenSum > a.own) || Math.abs(b.own - b.childrenSum) - Math.abs(a.own - a.childrenSum),
  );
  const zh: string[] = [],
    en: string[] = [];
  for (const m of sorted.slice(0, max)) {
    const head = `人口不一致：${m.name} 本级 ${n0(m.own)} 人，下级合计 ${n0(m.childrenSum)} 人`;
    const headEn = `Populations differ: ${m.name} has ${n0(m.own)} of its own, its units add up to ${n0(m.childrenSum)}`;
    if (m.own > m.childrenSum) {
      zh.push(`${head}；比例指标按本级 ${n0(m.own)} 人计${opts.demand ? `，需求中差额 ${n0(m.own - m.childrenSum)} 人置于其中心` : ''}`);
      en.push(`${headEn}; ratios use its own ${n0(m.own)}${opts.demand ? `, and the demand puts the other ${n0(m.own - m.childrenSum)} at its centre` : ''}`);
    } else {
      zh.push(`${head}；比例指标按本级 ${n0(m.own)} 人计${opts.demand ? `，需求按下级合计 ${n0(m.childrenSum)} 人计` : ''}`);
      en.push(`${headEn}; ratios use its own ${n0(m.own)}${opts.demand ? `, the demand its units' ${n0(m.childrenSum)}` : ''}`);
    }
  }
  if (sorted.length > max) {
    zh.push(`等 ${sorted.length} 个单位上下级人口不一致`);
    en.push(`… ${sorted.length} units in all whose populations differ from their units' sum`);
  }
  return { zh, en };
}
