/**
 * Implausible figures (the figures family of the data check), facility by facility:
 *
 * - `figures.beds_approved`: open beds above 1.5× the approved beds (编制床位) and by more than 20 beds
 *   (a ten-bed centre with 16 open is not worth a line);
 * - `figures.beds_size`: open beds above the most a facility of its type has (TYPE_MAX_BEDS);
 * - `figures.staff_per_bed`: health technicians per open bed outside 0.2–5 for a type that keeps
 *   in-patients, with at least 20 beds (not said again for a facility whose beds are already in doubt);
 * - `figures.no_physicians`: a community health centre, township health centre or community hospital
 *   with 0 physicians.
 */
import type { Facility } from '../model/entities.ts';
import type { FacilityType } from '../model/kinds.ts';
import { columnsRead, targetNames, targetRefs, typeLabel, type CheckContext } from './context.ts';
import { d2, n0, type CheckFinding, type Said } from './finding.ts';

/**
 * The most open beds a facility of each type plausibly has. Sources of the bars: 医疗机构基本标准（试行）
 * (一级综合医院 住院床位总数 20–99 张, 二级 100–499, 三级 ≥ 500), 社区医院基本标准 (≥ 30 beds), and the
 * largest hospitals in China (about 10,000 beds in one 三级医院); each bar is well above the usual
 * size so that only a typing error (an extra zero, a total in place of a count) crosses it.
 * Absent: no bar (childcare and elderly-care places are not hospital beds).
 */
export const TYPE_MAX_BEDS: Partial<Record<FacilityType, number>> = {
  tertiary_hospital: 12_000, // the largest hospitals in China
  secondary_hospital: 2_500, // 二级: 100–499 by the standard; county hospitals grow to 1,500+
  primary_hospital: 300, // 一级: 20–99 by the standard
  tcm_hospital: 4_000,
  mch_centre: 2_000,
  cdc: 50, // no in-patients
  sub_centre: 1_000, // a 县域医疗次中心: a central THC built up toward a 二级 hospital
  community_hospital: 300, // ≥ 30; most have 50–100
  chc: 200,
  chc_branch: 50,
  chs_station: 20, // no in-patient beds by the standard; a few observation beds
  central_thc: 500,
  thc: 300,
  village_clinic: 10, // observation beds only
  ems_station: 20,
};
/** Open beds over approved beds by more than this factor (and by more than APPROVED_SLACK beds). */
export const OVER_APPROVED = 1.5;
export const APPROVED_SLACK = 20;
/** Types that keep in-patients, for health technicians per open bed. */
const INPATIENT: readonly FacilityType[] = [
  'tertiary_hospital',
  'secondary_hospital',
  'primary_hospital',
  'tcm_hospital',
  'mch_centre',
  'sub_centre',
  'community_hospital',
  'central_thc',
  'thc',
];
/** 卫生技术人员 per open bed: hospitals run about 0.8–1.8 (床护比 1:0.6 and more); below 0.2 or above 5 a figure is wrong. */
export const STAFF_PER_BED = { min: 0.2, max: 5, minBeds: 20 };
/** Types whose standards require physicians (a centre, a township health centre, a community hospital). */
const NEEDS_PHYSICIANS: readonly FacilityType[] = ['chc', 'central_thc', 'thc', 'community_hospital', 'sub_centre'];

/** The targets of the set that read this column for this facility's type, and what it changes. */
function touching(c: CheckContext, f: Facility, field: string) {
  return c.input.set.targets.filter((t) => columnsRead(t).some((r) => r.field === field && (!r.types || r.types.includes(f.type))));
}

/** For a ratio target over beds: the value of the facility's county (else region) with and without its figure. */
function bedsEffect(c: CheckContext, f: Facility, k: number, field: string, replacement: number): Said | undefined {
  const { ix } = c;
  const ts = touching(c, f, field);
  if (!ts.length) return undefined;
  const ratio = ts.find((t) => t.kind === 'ratio');
  if (ratio?.kind === 'ratio') {
    const u = ix.facilityUnit[k]!;
    const county = u >= 0 ? ix.countyOf[u]! : -1;
    const pop = county >= 0 ? ix.population(county, ratio.population) : ix.regionPopulation(ratio.population);
    if (pop > 0) {
      const col = ix.column(field);
      let sum = 0;
      for (let j = 0; j < col.length; j++) {
        const uj = ix.facilityUnit[j]!;
        if (
          uj < 0
          || !ix.inRegion[uj]
          || (county >= 0 && ix.countyOf[uj] !== county)
          || (ratio.facilityTypes && !ratio.facilityTypes.includes(ix.facilities[j]!.type))
        )
          continue;
        if (!Number.isNaN(col[j]!)) sum += col[j]!;
      }
      const where = county >= 0 ? ix.units[county]!.name : ix.regionName;
      const v = (f[field as keyof Facility] as number) ?? 0;
      const with_ = (sum / pop) * ratio.per,
        without = ((sum - v + replacement) / pop) * ratio.per;
      return {
        zh: `${where} 的「${ratio.name}」按此计为 ${d2(with_)}，按 ${n0(replacement)} 张计为 ${d2(without)}（要求 ${ratio.min}）`,
        en: `"${ratio.nameEn}" of ${where} is ${d2(with_)} with this figure, ${d2(without)} with ${n0(replacement)} (target ${ratio.min})`,
      };
    }
  }
  const names = targetNames(ts);
  return { zh: `${names.zh} 按此数计算`, en: `${names.en} counts this figure` };
}

export function figureFindings(c: CheckContext): CheckFinding[] {
  const { ix } = c;
  const out: CheckFinding[] = [];
  ix.facilities.forEach((f, k) => {
    const u = ix.facilityUnit[k]!;
    if (u >= 0 && !ix.inRegion[u]) return;
    const type = typeLabel(f.type);
    const row = (column: string) => ({ table: 'facilities' as const, key: f.id, name: f.name, column });
    const beds = f.beds_open,
      approved = f.beds_approved;
    let bedsDoubt = false;
    const affects = (field: string, replacement: number) => {
      const effect = bedsEffect(c, f, k, field, replacement);
      return effect ? { affects: { targets: targetRefs(touching(c, f, field)), effect } } : {};
    };
    const max = TYPE_MAX_BEDS[f.type];
    if (beds != null && max !== undefined && beds > max) {
      bedsDoubt = true;
      out.push({
        id: `figures.beds_size:facilities:${f.id}`,
        rule: 'figures.beds_size',
        family: 'figures',
        row: row('beds_open'),
        message: {
          zh: `${f.name}（${type.zh}）实有床位 ${n0(beds)} 张，超过此类机构的合理上限 ${n0(max)} 张${approved != null ? `（编制床位 ${n0(approved)} 张）` : ''}`,
          en: `${f.name} (${type.en.toLowerCase()}) has ${n0(beds)} open beds, above the ${n0(max)} a facility of its type plausibly has${approved != null ? ` (${n0(approved)} approved)` : ''}`,
        },
        ...affects('beds_open', approved ?? 0),
        fix: {
          zh: '核对实有床位数（多写了一位？填了合计？），或机构类型是否有误',
          en: 'Check the open beds (an extra digit? a total?) or whether the type is right',
        },
      });
    }
    if (beds != null && approved != null && approved > 0 && beds > OVER_APPROVED * approved && beds - approved > APPROVED_SLACK) {
      bedsDoubt = true;
      out.push({
        id: `figures.beds_approved:facilities:${f.id}`,
        rule: 'figures.beds_approved',
        family: 'figures',
        row: row('beds_open'),
        message: {
          zh: `${f.name} 实有床位 ${n0(beds)} 张，是编制床位 ${n0(approved)} 张的 ${d2(beds / approved)} 倍`,
          en: `${f.name} has ${n0(beds)} open beds, ${d2(beds / approved)}× its ${n0(approved)} approved beds`,
        },
        ...affects('beds_open', approved),
        fix: { zh: '核对实有床位与编制床位（两列是否填反、是否多写了一位）', en: 'Check open and approved beds (swapped columns? an extra digit?)' },
      });
    }
    const tech = f.health_technicians;
    if (!bedsDoubt && INPATIENT.includes(f.type) && beds != null && beds >= STAFF_PER_BED.minBeds && tech != null) {
      const r = tech / beds;
      if (r < STAFF_PER_BED.min || r > STAFF_PER_BED.max) {
        out.push({
          id: `figures.staff_per_bed:facilities:${f.id}`,
          rule: 'figures.staff_per_bed',
          family: 'figures',
          row: row('health_technicians'),
          message: {
            zh: `${f.name} 卫生技术人员 ${n0(tech)} 人、实有床位 ${n0(beds)} 张，每床 ${d2(r)} 人，超出常见范围 ${STAFF_PER_BED.min}–${STAFF_PER_BED.max}`,
            en: `${f.name} has ${n0(tech)} health technicians for ${n0(beds)} open beds, ${d2(r)} a bed, outside the usual ${STAFF_PER_BED.min}–${STAFF_PER_BED.max}`,
          },
          ...(touching(c, f, 'health_technicians').length
            ? {
                affects: {
                  targets: targetRefs(touching(c, f, 'health_technicians')),
                  effect: {
                    zh: `${targetNames(touching(c, f, 'health_technicians')).zh} 按此人数计算`,
                    en: `${targetNames(touching(c, f, 'health_technicians')).en} counts this figure`,
                  },
                },
              }
            : {}),
          fix: { zh: '核对卫生技术人员数与实有床位数', en: 'Check the health technicians and the open beds' },
        });
      }
    }
    if (NEEDS_PHYSICIANS.includes(f.type) && f.physicians === 0) {
      const ts = touching(c, f, 'physicians');
      out.push({
        id: `figures.no_physicians:facilities:${f.id}`,
        rule: 'figures.no_physicians',
        family: 'figures',
        row: row('physicians'),
        message: { zh: `${f.name}（${type.zh}）执业(助理)医师为 0`, en: `${f.name} (${type.en.toLowerCase()}) has 0 physicians` },
        ...(ts.length
          ? {
              affects: {
                targets: targetRefs(ts),
                effect: { zh: `${targetNames(ts).zh} 按 0 名医师计算`, en: `${targetNames(ts).en} counts it with no physicians` },
              },
            }
          : {}),
        fix: { zh: '填写实际执业(助理)医师数（不知道时留空，不填 0）', en: 'Give the real number of physicians (leave it empty, not 0, when unknown)' },
      });
    }
  });
  return out;
}
