/**
 * The siting settings written once, so the map's 设施选址 panel, `healthplan site` and the service's schema
 * cannot drift apart (the access rules are in ../access/presets.ts):
 * - SITING_DEFAULTS: what a question nobody set gets. The schema (../api/methods/siting.ts) fills in the
 *   solver fields from it; the model and the spacing of generated sites, which the schema does not default,
 *   the CLI and the panel read from it. (k 1, 10/30 minutes and direction are the schema's own defaults.)
 * - the presets, the questions planners ask most:
 *   - 1030: k new 120 stations for the 10/30-minute rule (益资政办发〔2023〕20号 §三(一)2), existing stations fixed,
 *     generated sites, ambulances driving from the station;
 *   - kaifu10: the same for 开福区's 10-minute emergency circle everywhere (开政办发〔2022〕26号 §四(二)9);
 *   - subcentre: 县域医疗次中心 chosen among the health centres, residents travelling to them, the hospitals fixed.
 * - which facilities a new one of a type may be made from: "遴选一批……乡镇中心卫生院进行重点建设……建成12家县域
 *   医疗次中心（达到二级综合医院水平）" (长政办发〔2023〕6号 §三(一)3) — a sub-centre is an upgraded (central)
 *   township health centre, so `UPGRADE_CANDIDATES.sub_centre` is central_thc and thc;
 * - which way people travel for a type (directionFor).
 */
import type { FacilityType } from '../model/kinds.ts';
import type { SitingQuery } from './query.ts';

/** A preset's question: the service's query fields it sets, with candidates as the panel holds them (generated or not, upgraded types). */
export type SitingQuestion = Pick<SitingQuery, 'model' | 'type' | 'existingTypes' | 'urbanMinutes' | 'ruralMinutes' | 'direction' | 'travel'> & {
  generate: boolean;
  upgrade: FacilityType[];
};

export type SitingPresetId = '1030' | 'kaifu10' | 'subcentre';

/**
 * The defaults of a question nobody has set otherwise: MCLP (most people covered by k new sites), generated
 * candidates 1000 m apart, and the solver fields the service's schema fills in from here.
 */
export const SITING_DEFAULTS = {
  model: 'mclp',
  generateMeters: 1000,
  dispatchMinutes: 0,
  cutoffMinutes: 60,
  capacity: null,
  exact: 'auto',
  timeLimitSeconds: 30,
} as const satisfies Pick<SitingQuery, 'model' | 'dispatchMinutes' | 'cutoffMinutes' | 'capacity' | 'exact' | 'timeLimitSeconds'> & { generateMeters: number };

/** The existing facilities a new facility of a type may be made from (`--candidates upgrade`; the subcentre preset). */
export const UPGRADE_CANDIDATES: Partial<Record<FacilityType, readonly FacilityType[]>> = { sub_centre: ['central_thc', 'thc'] };
export const upgradeCandidates = (type: FacilityType): FacilityType[] => [...(UPGRADE_CANDIDATES[type] ?? [])];

/** Ambulances travel from a 120 station to the place; residents travel to every other kind of facility (as targetSettings in ../access/presets.ts). */
export const directionFor = (type: FacilityType): 'from' | 'to' => (type === 'ems_station' ? 'from' : 'to');

const EMS: SitingQuestion = {
  model: SITING_DEFAULTS.model,
  type: 'ems_station',
  existingTypes: ['ems_station'],
  urbanMinutes: 10,
  ruralMinutes: 30,
  direction: directionFor('ems_station'),
  travel: { urban: 'drive', rural: 'drive' },
  generate: true,
  upgrade: [],
};

/** Each preset's question, its k, and the county it is about (by name; used when the plan has it). */
export const SITING_PRESETS: Record<SitingPresetId, { question: SitingQuestion; k: number; area: string | null }> = {
  '1030': { question: EMS, k: 2, area: null },
  kaifu10: { question: { ...EMS, ruralMinutes: 10 }, k: 2, area: '开福区' },
  subcentre: {
    question: {
      model: 'pmedian',
      type: 'sub_centre',
      existingTypes: ['tertiary_hospital', 'secondary_hospital', 'sub_centre'],
      urbanMinutes: 15,
      ruralMinutes: 30,
      direction: directionFor('sub_centre'),
      travel: { urban: 'drive', rural: 'drive' },
      generate: false,
      upgrade: upgradeCandidates('sub_centre'),
    },
    k: 2,
    area: '资阳区',
  },
};
