/**
 * Populations that do not add up (the population family of the data check), for the check's year:
 *
 * - `population.sum`: a unit's own figure against its units' sum by more than 1% (the issue's bar;
 *   the gap engine's own note, shared/model/population-check.ts, says so from 0.5%). Ratios divide by
 *   the unit's own figure, so the finding names the ratio targets at its level and what the other
 *   figure would give.
 * - `population.partial`: a street/town whose communities/villages are listed for only part of it —
 *   some of them with a population and some without, or all with one but adding up to less than 90%
 *   of the street's own figure (the remaining tenth or more is people the access analysis places at
 *   the street's centre rather than in a village). Such a unit gets this finding in place of
 *   `population.sum`: it is one problem, and the fix is to list the rest.
 * - `population.none`: a city, county or street/town with no population at all (none of its own and
 *   none below it); only the topmost such unit is listed, with how many below it lack one too. A
 *   community or village without one is not a finding of its own: a plan may list villages for their
 *   names and centres only (the town's figure is what ratios use); when some of a town's villages
 *   have a figure and some not, `population.partial` names the town.
 */
import { populationMismatches } from '../model/population-check.ts';
import { UNIT_KIND_LEVEL } from '../model/kinds.ts';
import { populationTargets, targetNames, targetRefs, type CheckContext } from './context.ts';
import { n0, pct, type CheckFinding } from './finding.ts';

/** Differences above this share of a unit's own figure are findings. */
export const SUM_TOLERANCE = 0.01;
/** A street/town whose listed units hold less than this share of its own figure is listed only in part. */
export const PARTIAL_COVER = 0.9;

export function populationFindings(c: CheckContext): CheckFinding[] {
  const { ix, own, children, input } = c;
  const out: CheckFinding[] = [];
  const year = input.year;
  const partial = new Set<number>();
  // A unit whose figures come from the populations-by-year table is fixed there; others in the units table.
  const dated = new Set((input.populations ?? []).filter((p) => p.population != null).map((p) => p.code));
  const tableOf = (code: string) => (dated.has(code) ? ('populations' as const) : ('units' as const));

  // Listed for only part of a street/town.
  for (let i = 0; i < ix.units.length; i++) {
    const u = ix.units[i]!;
    if (UNIT_KIND_LEVEL[u.kind] !== 2 || !children[i]!.length) continue;
    const kids = children[i]!;
    const without = kids.filter((k) => Number.isNaN(ix.population(k, 'total')));
    const sum = kids.reduce((s, k) => {
      const v = ix.population(k, 'total');
      return Number.isNaN(v) ? s : s + v;
    }, 0);
    const o = own[i]!;
    const withSome = without.length < kids.length;
    if (!withSome) continue; // none listed with a population: the street's own figure is all there is (not a part)
    if (!without.length && !(o > 0 && sum < PARTIAL_COVER * o)) continue;
    partial.add(i);
    const access = input.set.targets.filter((t) => t.kind === 'access');
    const ofOwn =
      o > 0
        ? { zh: `，为本级 ${n0(o)} 人的 ${Math.round((sum / o) * 100)}%`, en: `, ${Math.round((sum / o) * 100)}% of its own ${n0(o)}` }
        : { zh: '', en: '' };
    out.push({
      id: `population.partial:units:${u.code}`,
      rule: 'population.partial',
      family: 'population',
      row: { table: tableOf(u.code), key: u.code, name: u.name, column: 'population' },
      message: without.length
        ? {
            zh: `${u.name} 下级 ${kids.length} 个单位中 ${without.length} 个没有人口，已列的 ${kids.length - without.length} 个合计 ${n0(sum)} 人${ofOwn.zh}（${year} 年）`,
            en: `${without.length} of the ${kids.length} units under ${u.name} have no population; the ${kids.length - without.length} listed hold ${n0(sum)}${ofOwn.en} (${year})`,
          }
        : {
            zh: `${u.name} 下级 ${kids.length} 个单位合计 ${n0(sum)} 人，只占本级 ${n0(o)} 人的 ${Math.round((sum / o) * 100)}%（${year} 年）：下级单位可能只列了一部分`,
            en: `The ${kids.length} units under ${u.name} add up to ${n0(sum)}, only ${Math.round((sum / o) * 100)}% of its own ${n0(o)} (${year}): only part of them may be listed`,
          },
      ...(access.length
        ? {
            affects: {
              targets: targetRefs(access),
              effect: {
                zh: `通行时间分析以村/社区中心为需求点：未列出的 ${o > sum ? n0(o - sum) : '部分'} 人按 ${u.name} 的中心计，${targetNames(access).zh} 的覆盖率因此不准`,
                en: `The travel-time analysis takes village/community centres as demand points: the ${o > sum ? n0(o - sum) : ''} people not listed are put at ${u.name}'s centre, so ${targetNames(access).en} is approximate`,
              },
            },
          }
        : {}),
      fix: {
        zh: `补齐 ${u.name} 的全部社区/行政村及其常住人口（行政区划表或分年份人口表）`,
        en: `List all communities/villages of ${u.name} with their resident population (units or populations-by-year sheet)`,
      },
    });
  }

  // A unit's own figure against its units' sum.
  for (const m of populationMismatches(ix.units, ix.parent, own)) {
    const i = ix.byCode.get(m.code)!;
    if (partial.has(i) || !ix.inRegion[i] || Math.abs(m.own - m.childrenSum) <= SUM_TOLERANCE * m.own) continue;
    const u = ix.units[i]!;
    const ts = populationTargets(c, i);
    const d = m.childrenSum - m.own;
    out.push({
      id: `population.sum:units:${u.code}`,
      rule: 'population.sum',
      family: 'population',
      row: { table: tableOf(u.code), key: u.code, name: u.name, column: 'population' },
      message: {
        zh: `${u.name} 本级常住人口 ${n0(m.own)} 人，下级合计 ${n0(m.childrenSum)} 人，相差 ${n0(Math.abs(d))} 人（${pct(m.childrenSum, m.own)}，${year} 年）`,
        en: `${u.name} has ${n0(m.own)} people of its own; its units add up to ${n0(m.childrenSum)}, ${n0(Math.abs(d))} ${d < 0 ? 'fewer' : 'more'} (${pct(m.childrenSum, m.own)}, ${year})`,
      },
      ...(ts.length
        ? {
            affects: {
              targets: targetRefs(ts),
              effect: {
                zh: `${targetNames(ts).zh} 中 ${u.name} 按本级 ${n0(m.own)} 人计算；按下级合计 ${n0(m.childrenSum)} 人算，人均指标变动 ${pct(m.own, m.childrenSum)}`,
                en: `${targetNames(ts).en} of ${u.name} is computed on ${n0(m.own)} people; on its units' ${n0(m.childrenSum)} every per-person figure would change by ${pct(m.own, m.childrenSum)}`,
              },
            },
          }
        : {}),
      fix: {
        zh: `核对 ${u.name} 与其下级单位的常住人口是否同一年份、同一口径，改正有误的一方`,
        en: `Check that ${u.name} and its units give residents of the same year and definition; correct the wrong one`,
      },
    });
  }

  // No population at all: the topmost such unit.
  const none = (i: number) => Number.isNaN(ix.population(i, 'total'));
  for (let i = 0; i < ix.units.length; i++) {
    if (UNIT_KIND_LEVEL[ix.units[i]!.kind] > 2 || !ix.inRegion[i] || !none(i) || (ix.parent[i]! >= 0 && ix.inRegion[ix.parent[i]!] && none(ix.parent[i]!)))
      continue;
    const u = ix.units[i]!;
    let below = 0;
    const stack = [...children[i]!];
    while (stack.length) {
      const k = stack.pop()!;
      below++;
      stack.push(...children[k]!);
    }
    const ts = populationTargets(c, i);
    out.push({
      id: `population.none:units:${u.code}`,
      rule: 'population.none',
      family: 'population',
      row: { table: 'units', key: u.code, name: u.name, column: 'population' },
      message: below
        ? { zh: `${u.name} 及其下级 ${below} 个单位都没有常住人口（${year} 年）`, en: `${u.name} and the ${below} units under it have no population (${year})` }
        : { zh: `${u.name} 没有常住人口（${year} 年）`, en: `${u.name} has no population (${year})` },
      ...(ts.length
        ? {
            affects: {
              targets: targetRefs(ts),
              effect: {
                zh: `${targetNames(ts).zh} 在 ${u.name} 显示为「缺少数据」`,
                en: `${targetNames(ts).en} shows "missing data" for ${u.name}`,
              },
            },
          }
        : {}),
      fix: {
        zh: `在行政区划表或分年份人口表中填写 ${u.name} 的常住人口`,
        en: `Give ${u.name}'s resident population in the units sheet or the populations-by-year sheet`,
      },
    });
  }
  return out;
}
