/**
 * What each target of the set in use needs and the plan lacks (the targets family of the data check):
 *
 * - `targets.empty`: a facility the target counts with the column it reads empty (columnsRead: the gap
 *   engine's reading); one finding per facility and column, naming every target that reads it and
 *   what the empty cell does there (counted as 0, as not meeting it, not judged), with how many of the
 *   type lack it ("中医馆 empty for 13 of 101 社区卫生服务中心");
 * - `targets.band`: a ratio of the 0–3 or 65+ population at a unit where that band is missing.
 * Targets kept for reference (参考) read the same columns and are named too.
 */
import { POPULATION_BANDS, BAND_FIELD } from '../gaps/population.ts';
import type { Target } from '../gaps/standard.ts';
import { atScope, columnLabel, columnsRead, scopesOfUnit, targetNames, targetRefs, typeLabel, type CheckContext } from './context.ts';
import type { CheckFinding, Said } from './finding.ts';

export function targetFindings(c: CheckContext): CheckFinding[] {
  const { ix, input } = c;
  const out: CheckFinding[] = [];
  // Per column and type: the targets reading it, with what an empty cell does.
  const reads = new Map<string, { t: Target; emptyMeans: Said }[]>();
  for (const t of input.set.targets) {
    for (const r of columnsRead(t)) {
      for (const type of r.types ?? [...new Set(ix.facilities.map((f) => f.type))]) {
        const key = `${r.field}|${type}`;
        const list = reads.get(key) ?? [];
        if (!list.some((x) => x.t.id === t.id)) list.push({ t, emptyMeans: r.emptyMeans });
        reads.set(key, list);
      }
    }
  }
  // How many of each type lack each column, for the message.
  const lacking = new Map<string, number>(),
    ofType = new Map<string, number>();
  const inScope = (k: number) => {
    const u = ix.facilityUnit[k]!;
    return u >= 0 && ix.inRegion[u] === 1;
  };
  ix.facilities.forEach((f, k) => {
    if (!inScope(k)) return;
    ofType.set(f.type, (ofType.get(f.type) ?? 0) + 1);
    for (const [key] of reads) {
      const [field, type] = key.split('|') as [string, string];
      if (type === f.type && (f as Record<string, unknown>)[field] == null) lacking.set(key, (lacking.get(key) ?? 0) + 1);
    }
  });
  ix.facilities.forEach((f, k) => {
    if (!inScope(k)) return;
    for (const [key, ts] of reads) {
      const [field, type] = key.split('|') as [string, string];
      if (type !== f.type || (f as Record<string, unknown>)[field] != null) continue;
      const col = columnLabel(field),
        tl = typeLabel(f.type);
      const n = lacking.get(key)!,
        of = ofType.get(f.type)!;
      const names = targetNames(ts.map((x) => x.t));
      out.push({
        id: `targets.empty:facilities:${f.id}:${field}`,
        rule: 'targets.empty',
        family: 'targets',
        row: { table: 'facilities', key: f.id, name: f.name, column: field },
        message: {
          zh: `${f.name} 的「${col.zh}」为空（${of} 所${tl.zh}中 ${n} 所为空）`,
          en: `${f.name} has no ${col.en} (empty for ${n} of ${of} ${tl.en.toLowerCase()}s)`,
        },
        affects: {
          targets: targetRefs(ts.map((x) => x.t)),
          effect: {
            zh: `${names.zh}：此机构${[...new Set(ts.map((x) => x.emptyMeans.zh))].join('、')}`,
            en: `${names.en}: it is ${[...new Set(ts.map((x) => x.emptyMeans.en))].join(', ')}`,
          },
        },
        fix: {
          zh: `填写「${col.zh}」（在机构表中，或补一列后重新导入）`,
          en: `Fill in ${col.en} (in the facilities table, or add the column and import again)`,
        },
      });
    }
  });
  // Ratios of an age band at units without it.
  for (const band of POPULATION_BANDS) {
    if (band === 'total') continue;
    const ts = input.set.targets.filter((t) => t.kind === 'ratio' && t.population === band);
    if (!ts.length) continue;
    const field = BAND_FIELD[band];
    ix.units.forEach((u, i) => {
      const scopes = scopesOfUnit(c, i);
      const here = ts.filter((t) => t.kind === 'ratio' && atScope(t, scopes));
      if (!ix.inRegion[i] || !here.length || !Number.isNaN(ix.population(i, band))) return;
      const label = band === 'age_0_3' ? { zh: '0-3岁人口', en: 'population aged 0–3' } : { zh: '65岁及以上人口', en: 'population aged 65+' };
      out.push({
        id: `targets.band:units:${u.code}:${field}`,
        rule: 'targets.band',
        family: 'targets',
        row: { table: 'units', key: u.code, name: u.name, column: field },
        message: { zh: `${u.name} 没有${label.zh}`, en: `${u.name} has no ${label.en}` },
        affects: {
          targets: targetRefs(here),
          effect: { zh: `${targetNames(here).zh} 在 ${u.name} 显示为「缺少数据」`, en: `${targetNames(here).en} shows "missing data" for ${u.name}` },
        },
        fix: { zh: `填写 ${u.name}（或其下级单位）的${label.zh}`, en: `Give the ${label.en} of ${u.name} (or of its units)` },
      });
    });
  }
  return out;
}
