/**
 * The allocatable resources (可配置资源) and the default rules for where each may go. The tables are
 * defaults a caller overrides per run (AllocationInput.rules): they are planning conventions to review,
 * not policy figures.
 */
import type { FacilityType } from '../model/kinds.ts';

export const RESOURCES = ['beds', 'physicians', 'nurses', 'gps', 'ambulances'] as const;
export type Resource = (typeof RESOURCES)[number];
/** An amount per resource; a resource left out is not given (a budget) or is 0 (a facility's current). */
export type Amounts = Partial<Record<Resource, number>>;

/** The facility column each resource is counted in; a ratio target on any other measure is not allocatable. */
export const RESOURCE_MEASURE = {
  beds: 'beds_open',
  physicians: 'physicians',
  nurses: 'nurses',
  gps: 'gps',
  ambulances: 'ambulances',
} as const satisfies Record<Resource, string>;

/** The resource a facility column is, or undefined. */
export function resourceOfMeasure(measure: string): Resource | undefined {
  for (const r of RESOURCES) if (RESOURCE_MEASURE[r] === measure) return r;
  return undefined;
}

const plural = (one: string, many: string) => (n: string) => `${n} ${n === '1' ? one : many}`;
/** How a resource is named ("床位 预算") and an amount said ("+40 床", "+12 名医师"; "40 beds", "1 GP"). */
export const RESOURCE_LABELS: Record<Resource, { zh: string; en: string; count: (n: string) => string; countEn: (n: string) => string }> = {
  beds: { zh: '床位', en: 'bed', count: (n) => `${n} 床`, countEn: plural('bed', 'beds') },
  physicians: { zh: '执业(助理)医师', en: 'physician', count: (n) => `${n} 名医师`, countEn: plural('physician', 'physicians') },
  nurses: { zh: '注册护士', en: 'nurse', count: (n) => `${n} 名护士`, countEn: plural('nurse', 'nurses') },
  gps: { zh: '全科医生', en: 'GP', count: (n) => `${n} 名全科医生`, countEn: plural('GP', 'GPs') },
  ambulances: { zh: '救护车', en: 'ambulance', count: (n) => `${n} 辆救护车`, countEn: plural('ambulance', 'ambulances') },
};

const HOSPITALS = ['tertiary_hospital', 'secondary_hospital', 'primary_hospital', 'tcm_hospital', 'mch_centre'] as const satisfies readonly FacilityType[];
const PRIMARY_CARE = ['sub_centre', 'community_hospital', 'chc', 'chc_branch', 'chs_station', 'central_thc', 'thc'] as const satisfies readonly FacilityType[];

/**
 * Which facility types may receive each resource: beds only where there are wards (hospitals,
 * sub-centres, community hospitals, CHCs, THCs); GPs to primary care (村卫生室 included: 乡村全科);
 * ambulances to 120 stations and hospitals.
 */
export const DEFAULT_ELIGIBLE: Record<Resource, readonly FacilityType[]> = {
  beds: [...HOSPITALS, 'sub_centre', 'community_hospital', 'chc', 'central_thc', 'thc'],
  physicians: [...HOSPITALS, ...PRIMARY_CARE, 'ems_station'],
  nurses: [...HOSPITALS, ...PRIMARY_CARE, 'ems_station'],
  gps: [...PRIMARY_CARE, 'village_clinic'],
  ambulances: ['ems_station', 'tertiary_hospital', 'secondary_hospital', 'primary_hospital', 'tcm_hospital'],
};

/**
 * The most a facility of a type may hold (not add) of a resource; a type left out has no cap. Beds after
 * 医疗机构设置规划指导原则（2021-2025年）: 县办综合医院 600–1,000, 地市办 1,000–1,500; the primary-care
 * figures are the usual ward sizes. Staff have no default cap (the type eligibility is the only rule).
 */
export const DEFAULT_TYPE_CAPS: Record<Resource, Partial<Record<FacilityType, number>>> = {
  beds: {
    tertiary_hospital: 1500,
    secondary_hospital: 1000,
    tcm_hospital: 1000,
    mch_centre: 500,
    primary_hospital: 100,
    sub_centre: 300,
    community_hospital: 100,
    chc: 50,
    central_thc: 200,
    thc: 100,
  },
  physicians: {},
  nurses: {},
  gps: {},
  ambulances: { ems_station: 10, tertiary_hospital: 20, secondary_hospital: 10, tcm_hospital: 5, primary_hospital: 3 },
};

/** 床均业务用房面积 (m² of floor area per bed) for the floor-area limit on beds; a parameter of each run. */
export const DEFAULT_M2_PER_BED = 100;
