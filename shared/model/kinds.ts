/**
 * The planners' vocabulary: kinds of administrative unit and types of facility, each with its
 * Chinese (zh-CN) and English label. Chinese names are accepted wherever a kind or type is read.
 */

export const UNIT_KINDS = ['city', 'county', 'street', 'town', 'township', 'community', 'village'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { zh: string; en: string; aliases: string[] }> = {
  city: { zh: '市', en: 'City', aliases: ['市', '地级市', '城市'] },
  county: { zh: '县级单位', en: 'County/district', aliases: ['区', '县', '县级市', '区县', '县区', '县级'] },
  street: { zh: '街道', en: 'Street', aliases: ['街道', '街道办事处'] },
  town: { zh: '镇', en: 'Town', aliases: ['镇'] },
  township: { zh: '乡', en: 'Township', aliases: ['乡', '民族乡'] },
  community: { zh: '社区', en: 'Community', aliases: ['社区', '居委会', '社区居委会'] },
  village: { zh: '行政村', en: 'Village', aliases: ['行政村', '村', '村委会'] },
};

/** Depth of each kind in the hierarchy city → county → street/town/township → community/village. */
export const UNIT_KIND_LEVEL: Record<UnitKind, number> = {
  city: 0,
  county: 1,
  street: 2,
  town: 2,
  township: 2,
  community: 3,
  village: 3,
};

/** Streets and communities are urban (城镇); towns, townships and villages rural (农村), unless stated. */
export function defaultUrban(kind: UnitKind): boolean {
  return kind === 'city' || kind === 'county' || kind === 'street' || kind === 'community';
}

export const FACILITY_TYPES = [
  'tertiary_hospital',
  'secondary_hospital',
  'primary_hospital',
  'tcm_hospital',
  'mch_centre',
  'cdc',
  'sub_centre',
  'community_hospital',
  'chc',
  'chc_branch',
  'chs_station',
  'central_thc',
  'thc',
  'village_clinic',
  'ems_station',
  'elderly_care',
  'childcare',
] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export const FACILITY_TYPE_LABELS: Record<FacilityType, { zh: string; en: string; aliases: string[] }> = {
  tertiary_hospital: { zh: '三级医院', en: 'Tertiary hospital', aliases: ['三级医院', '三甲医院', '三级综合医院'] },
  secondary_hospital: { zh: '二级医院', en: 'Secondary hospital', aliases: ['二级医院', '二甲医院', '二级综合医院', '县级医院'] },
  primary_hospital: { zh: '一级医院', en: 'Primary hospital', aliases: ['一级医院', '一级综合医院'] },
  tcm_hospital: { zh: '中医医院', en: 'TCM hospital', aliases: ['中医医院', '中医院', '中西医结合医院'] },
  mch_centre: { zh: '妇幼保健院', en: 'Maternal & child health centre', aliases: ['妇幼保健院', '妇幼保健机构', '妇幼保健计划生育服务中心'] },
  cdc: { zh: '疾病预防控制中心', en: 'CDC', aliases: ['疾病预防控制中心', '疾控中心'] },
  sub_centre: { zh: '县域医疗次中心', en: 'County-level sub-centre', aliases: ['县域医疗次中心', '医疗次中心', '次中心'] },
  community_hospital: { zh: '社区医院', en: 'Community hospital', aliases: ['社区医院'] },
  chc: { zh: '社区卫生服务中心', en: 'Community health centre', aliases: ['社区卫生服务中心', '社区中心'] },
  chc_branch: { zh: '社区卫生服务分中心', en: 'CHC branch', aliases: ['社区卫生服务分中心', '分中心'] },
  chs_station: { zh: '社区卫生服务站', en: 'Community health station', aliases: ['社区卫生服务站', '社区站', '卫生服务站'] },
  central_thc: { zh: '中心卫生院', en: 'Central township health centre', aliases: ['中心卫生院', '中心乡镇卫生院'] },
  thc: { zh: '乡镇卫生院', en: 'Township health centre', aliases: ['乡镇卫生院', '卫生院', '乡卫生院', '镇卫生院'] },
  village_clinic: { zh: '村卫生室', en: 'Village clinic', aliases: ['村卫生室', '卫生室'] },
  ems_station: { zh: '120急救站', en: '120 ambulance station', aliases: ['120急救站', '急救站', '120急救分站', '急救分站', '院前急救站'] },
  elderly_care: { zh: '养老机构', en: 'Elderly-care institution', aliases: ['养老机构', '养老院', '敬老院', '医养结合机构'] },
  childcare: { zh: '托育机构', en: 'Childcare institution', aliases: ['托育机构', '托育园', '托育中心'] },
};

export const SERVICE_STANDARDS = ['none', 'basic', 'recommended'] as const;
export type ServiceStandard = (typeof SERVICE_STANDARDS)[number];
/** 优质服务基层行: 未达标 / 基本标准 / 推荐标准 */
export const SERVICE_STANDARD_LABELS: Record<ServiceStandard, { zh: string; en: string; aliases: string[] }> = {
  none: { zh: '未达标', en: 'None', aliases: ['未达标', '无', '否'] },
  basic: { zh: '基本标准', en: 'Basic', aliases: ['基本标准', '基本'] },
  recommended: { zh: '推荐标准', en: 'Recommended', aliases: ['推荐标准', '推荐'] },
};

/** Resolve an English key, a Chinese label or an alias (case- and space-insensitive) to a key. */
export function resolveLabel<K extends string>(labels: Record<K, { zh: string; en: string; aliases: string[] }>, input: string): K | undefined {
  const s = input.trim().replace(/\s+/g, '').toLowerCase();
  if (!s) return undefined;
  for (const key of Object.keys(labels) as K[]) {
    const l = labels[key];
    if (key.toLowerCase() === s || l.en.replace(/\s+/g, '').toLowerCase() === s || l.zh === s || l.aliases.includes(s)) return key;
  }
  return undefined;
}
