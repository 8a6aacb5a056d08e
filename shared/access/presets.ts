/**
 * The access rules a planner checks most, as ready-made queries (with the clause that states each):
 * - 1030: a 120 ambulance on scene within 10 min in town, 30 in the country (益资政办发〔2023〕20号 §三(一)2);
 * - 1530: a CHC/THC-type centre within 15 min in town, 30 in the country (长政办发〔2021〕62号 §一(一)). The document
 *   does not say how people travel; a 15-minute circle is usually meant on foot in town (the 15-minute
 *   life circle), so the preset walks in town (4.8 km/h, no motorways or trunk roads) and drives in the
 *   country (30 minutes by road);
 * - kaifu10: 开福区's 10-minute emergency circle, everywhere (开政办发〔2022〕26号 §四(二)9);
 * - radius: a 120 station within 5 km in town, 20 km (the upper end of 10–20) in the country,
 *   in a straight line (national pre-hospital guidance 国卫医发〔2020〕19号, 待核实).
 */
import type { FacilityType } from '../model/kinds.ts';
import type { AccessQuery } from './result.ts';
import { DRIVE, type TravelModes, WALK_IN_TOWN } from './travel.ts';

export type AccessSettings = Omit<AccessQuery, 'scenarioId'>;
export type PresetId = '1030' | '1530' | 'kaifu10' | 'radius';

/** The facilities that count as a primary-care centre for the 1530 circle. */
export const PRIMARY_CARE_CENTRES: FacilityType[] = ['chc', 'community_hospital', 'chc_branch', 'chs_station', 'thc', 'central_thc', 'sub_centre'];
const base = { dispatchMinutes: 0, demand: 'centroids', gridMeters: 1000, measure: 'time', travel: DRIVE } as const;

export const ACCESS_PRESETS: Record<PresetId, AccessSettings> = {
  '1030': { ...base, types: ['ems_station'], urbanMinutes: 10, ruralMinutes: 30, direction: 'from' },
  '1530': { ...base, types: PRIMARY_CARE_CENTRES, urbanMinutes: 15, ruralMinutes: 30, direction: 'to', travel: WALK_IN_TOWN },
  kaifu10: { ...base, types: ['ems_station'], urbanMinutes: 10, ruralMinutes: 10, direction: 'from' },
  /** 120 station service radius ≤ 5 km in town, 10–20 km in the country (国卫医发〔2020〕19号, 待核实): the thresholds in km. */
  radius: { ...base, types: ['ems_station'], urbanMinutes: 5, ruralMinutes: 20, direction: 'from', measure: 'radius' },
};

/**
 * The analysis an access target of a standard set asks for: ambulance targets from the station to the
 * place, service circles from the place to the facility; the villages'/communities' centres as demand;
 * by the travel modes the target names (by car when it names none).
 */
export function targetSettings(t: {
  facilityTypes: FacilityType[];
  urbanMinutes: number;
  ruralMinutes: number;
  travel?: TravelModes | undefined;
}): AccessSettings {
  return {
    ...base,
    types: t.facilityTypes,
    urbanMinutes: t.urbanMinutes,
    ruralMinutes: t.ruralMinutes,
    direction: t.facilityTypes.every((x) => x === 'ems_station') ? 'from' : 'to',
    travel: { ...(t.travel ?? DRIVE) },
  };
}
