/**
 * Facility types as the health statistics write them: the 卫生机构类别 of WS 218-2002 卫生机构（组织）分类与代码
 * (the classification the 卫生健康统计调查制度 reports use), by name or by its code (A100 综合医院, C210 中心卫生院 …),
 * with the 医院等级 column for a 综合医院 — read into the tool's FacilityType, or "unknown" with the text as written.
 * The codes and their source: data/facility-types/SOURCE.md. After the built-in names and codes the plan's own
 * table (机构类别对照, type_alias) is consulted. Pure: no Node, no DOM.
 */
import { FACILITY_TYPE_LABELS, FACILITY_TYPES, resolveLabel, type FacilityType } from './kinds.ts';

/** A 卫生机构类别: its WS 218-2002 code, its name, and the tool's type (`byLevel`: 综合医院, by its 医院等级; null: not one the tool plans). */
export interface InstitutionType {
  code: string;
  name: string;
  /** Other ways the name is written. */
  aliases?: readonly string[];
  type: FacilityType | 'byLevel' | null;
}

/**
 * The categories shipped (data/facility-types/SOURCE.md quotes each code): every one the tool plans, and the common
 * ones it does not (门诊部, 诊所, 专科医院 …) so that a sheet holding them is told what they are and what to do.
 */
export const INSTITUTION_TYPES: readonly InstitutionType[] = [
  { code: 'A100', name: '综合医院', type: 'byLevel' },
  { code: 'A210', name: '中医（综合）医院', aliases: ['中医综合医院'], type: 'tcm_hospital' },
  { code: 'A220', name: '中医专科医院', type: null },
  { code: 'A300', name: '中西医结合医院', type: 'tcm_hospital' },
  { code: 'A419', name: '其他民族医院', aliases: ['民族医院'], type: null },
  { code: 'A511', name: '口腔医院', type: null },
  { code: 'A518', name: '妇产（科）医院', aliases: ['妇产医院', '妇产科医院'], type: null },
  { code: 'A519', name: '儿童医院', type: null },
  { code: 'A520', name: '精神病医院', type: null },
  { code: 'A521', name: '传染病医院', type: null },
  { code: 'A527', name: '康复医院', type: null },
  { code: 'A539', name: '其他专科医院', aliases: ['专科医院'], type: null },
  { code: 'A600', name: '疗养院', type: null },
  { code: 'A710', name: '护理院', type: null },
  { code: 'B100', name: '社区卫生服务中心', type: 'chc' },
  { code: 'B200', name: '社区卫生服务站', type: 'chs_station' },
  { code: 'C100', name: '街道卫生院', type: 'thc' },
  { code: 'C210', name: '中心卫生院', type: 'central_thc' },
  { code: 'C220', name: '乡卫生院', type: 'thc' },
  { code: 'D110', name: '综合门诊部', aliases: ['门诊部'], type: null },
  { code: 'D211', name: '普通诊所', aliases: ['诊所'], type: null },
  { code: 'D212', name: '中医诊所', type: null },
  { code: 'D300', name: '卫生所（室）', aliases: ['卫生所'], type: null },
  { code: 'D400', name: '医务室', type: null },
  { code: 'D500', name: '中小学卫生保健所', type: null },
  { code: 'D600', name: '村卫生室', type: 'village_clinic' },
  { code: 'E100', name: '急救中心', type: 'ems_station' },
  { code: 'E200', name: '急救中心站', type: 'ems_station' },
  { code: 'E300', name: '急救站', type: 'ems_station' },
  { code: 'F120', name: '中心血站', type: null },
  { code: 'G100', name: '妇幼保健院', type: 'mch_centre' },
  { code: 'G200', name: '妇幼保健所', type: 'mch_centre' },
  { code: 'G300', name: '妇幼保健站', type: 'mch_centre' },
  { code: 'H119', name: '其他专科疾病防治院', aliases: ['专科疾病防治院'], type: null },
  { code: 'H229', name: '其他专科疾病防治所（站、中心）', aliases: ['专科疾病防治所', '专科疾病防治站'], type: null },
  { code: 'J100', name: '疾病预防控制中心', type: 'cdc' },
  { code: 'K100', name: '卫生监督所（局）', aliases: ['卫生监督所'], type: null },
];

/** 医院等级 as the statistics write it: 三级甲等 … 一级, 未定级. */
export type HospitalLevel = 1 | 2 | 3;
const LEVEL_WORD: Record<string, HospitalLevel> = { 一: 1, 二: 2, 三: 3, '1': 1, '2': 2, '3': 3 };
const LEVEL_RE = /^([一二三123])(?:级(?:[特甲乙丙]等|未评|未定等|合格)?|[甲乙丙])$/;
const NO_LEVEL = new Set(['', '未定级', '未评级', '未评', '无', '-', '—', '/']);

/** The headers of a 医院等级 column (compared after foldTypeText). */
export const LEVEL_HEADERS: readonly string[] = [
  '医院等级',
  '医院级别',
  '等级',
  '级别',
  '机构级别',
  '医疗机构级别',
  '评审等级',
  '医院评审等级',
  'hospitallevel',
  'level',
];

/** The form in which type texts are compared: full-width folded (NFKC), no spaces, (（）) as (), lower case. */
export function foldTypeText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** 三级甲等, 三级, 三甲, 3级 → 3 …; 未定级 or empty → null; anything else → undefined (not readable). */
export function readHospitalLevel(text: string | null | undefined): HospitalLevel | null | undefined {
  const s = foldTypeText(text ?? '');
  if (NO_LEVEL.has(s)) return null;
  const m = LEVEL_RE.exec(s);
  return m ? LEVEL_WORD[m[1]!] : undefined;
}

/** The file index of the 医院等级 column among `headers`, or -1. */
export function findLevelColumn(headers: readonly (string | undefined)[]): number {
  const wanted = new Set(LEVEL_HEADERS.map(foldTypeText));
  return headers.findIndex((h) => h !== undefined && wanted.has(foldTypeText(h)));
}

const BY_LEVEL: Record<HospitalLevel, FacilityType> = { 3: 'tertiary_hospital', 2: 'secondary_hospital', 1: 'primary_hospital' };
const CODE_RE = /^([a-q]\d{3})$/;
/** A code and a name together: A100综合医院, A100-综合医院, 综合医院(A100). */
const CODE_WITH_NAME_RE = /^([a-q]\d{3})[-_.:、]?(\D.*)$|^(\D.*?)\(([a-q]\d{3})\)$/;
/** A 综合医院 written with its level: 三级甲等综合医院, 综合医院(二级乙等), 二级综合医院. */
const GENERAL_WITH_LEVEL_RE = /^(?:(.+?)综合医院|综合医院\((.+)\))$/;

const byName = new Map<string, InstitutionType>();
const byCode = new Map<string, InstitutionType>();
for (const t of INSTITUTION_TYPES) {
  byCode.set(t.code.toLowerCase(), t);
  for (const n of [t.name, ...(t.aliases ?? [])]) byName.set(foldTypeText(n), t);
}

export type TypeReading =
  | { type: FacilityType; via: 'tool' | 'institution' | 'plan'; institution?: InstitutionType }
  | {
      type: null;
      written: string;
      /** needsLevel: a 综合医院 without a readable 医院等级; notPlanned: a 卫生机构类别 the tool does not plan; unknown: neither. */
      why: 'needsLevel' | 'notPlanned' | 'unknown';
      institution?: InstitutionType;
    };

/** The institution category a text names (by code, name, or both), or undefined. */
export function institutionOf(written: string): InstitutionType | undefined {
  const s = foldTypeText(written);
  const code = CODE_RE.exec(s);
  if (code) return byCode.get(code[1]!);
  const both = CODE_WITH_NAME_RE.exec(s);
  if (both) return byCode.get((both[1] ?? both[4])!) ?? byName.get((both[2] ?? both[3])!);
  return byName.get(s);
}

/**
 * Reads a facility type as written: the tool's own names (kinds.ts), then the 卫生机构类别 names and codes (with
 * the 医院等级 for a 综合医院), then the plan's own table (`aliases`, keys as foldTypeText). Never guesses: a
 * 综合医院 without its level, a category the tool does not plan, or an unknown text is returned as such.
 */
export function readFacilityType(written: string, level?: string | null, aliases?: ReadonlyMap<string, FacilityType>): TypeReading {
  const text = written.trim();
  const own = resolveLabel(FACILITY_TYPE_LABELS, text) ?? resolveLabel(FACILITY_TYPE_LABELS, text.normalize('NFKC'));
  if (own) return { type: own, via: 'tool' };
  const inst = institutionOf(text);
  let needsLevel = false;
  if (inst && inst.type !== null) {
    if (inst.type !== 'byLevel') return { type: inst.type, via: 'institution', institution: inst };
    const l = readHospitalLevel(level);
    if (l) return { type: BY_LEVEL[l], via: 'institution', institution: inst };
    needsLevel = true;
  } else if (!inst) {
    const m = GENERAL_WITH_LEVEL_RE.exec(foldTypeText(text));
    const l = m ? readHospitalLevel(m[1] ?? m[2]) : undefined;
    if (l) return { type: BY_LEVEL[l], via: 'institution', institution: byCode.get('a100')! };
  }
  const mine = aliases?.get(foldTypeText(text));
  if (mine) return { type: mine, via: 'plan', ...(inst ? { institution: inst } : {}) };
  return { type: null, written: text, why: needsLevel ? 'needsLevel' : inst ? 'notPlanned' : 'unknown', ...(inst ? { institution: inst } : {}) };
}

/** Whether `type` is one of the tool's facility types. */
export const isFacilityType = (type: string): type is FacilityType => (FACILITY_TYPES as readonly string[]).includes(type);

/** What a row whose type could not be read is told (row problem), with the fix. */
export function unknownTypeMessage(r: Extract<TypeReading, { type: null }>, row: number, header: string, level?: string | null): { zh: string; en: string } {
  const w = r.written;
  const addZh = `在「机构类别对照」中把「${w}」对应到本工具的一种机构类型（命令行：healthplan types 规划文件 --set '${w}=类型'），或不导入这一行`;
  const addEn = `map "${w}" to one of the tool's facility types in 机构类别对照 (command line: healthplan types FILE --set '${w}=TYPE'), or leave the row out`;
  if (r.why === 'needsLevel') {
    const lv = level?.trim() ? `「${level.trim()}」` : '';
    return {
      zh: `第 ${row} 行「${header}」：综合医院须有医院等级（三级/二级/一级）才能算作三级、二级或一级医院${lv ? `，医院等级${lv}读不出级别` : '，这一行没有医院等级'}。请在「医院等级」列填写，或${addZh}`,
      en: `Row ${row}, "${header}": a 综合医院 (general hospital) needs its level (三级/二级/一级) to count as a tertiary, secondary or primary hospital${lv ? `; the level ${lv} cannot be read` : '; this row has no level'}. Fill the 医院等级 column, or ${addEn}`,
    };
  }
  if (r.why === 'notPlanned') {
    const c = r.institution!;
    return {
      zh: `第 ${row} 行「${header}」：「${w}」（卫生机构类别 ${c.code} ${c.name}）不是本工具规划的机构类型。请${addZh}`,
      en: `Row ${row}, "${header}": "${w}" (health institution category ${c.code} ${c.name}) is not a facility type the tool plans. Please ${addEn}`,
    };
  }
  return {
    zh: `第 ${row} 行「${header}」：「${w}」既不是本工具的机构类型，也不是卫生机构类别的名称或代码（如 综合医院、A100、中心卫生院、C210）。请${addZh}`,
    en: `Row ${row}, "${header}": "${w}" is neither a facility type of the tool nor a health institution category name or code (综合医院, A100, 中心卫生院, C210 …). Please ${addEn}`,
  };
}
