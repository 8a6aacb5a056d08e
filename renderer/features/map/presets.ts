/**
 * The rules offered in the access panel: the shared presets (1030, 1530, 开福 10 分钟, the 120 service
 * radius — shared/access/presets.ts, with their sources) and 自定义.
 */
import { ACCESS_PRESETS, type AccessSettings, type PresetId as SharedPreset } from '../../../shared/access/presets.ts';

export type { AccessSettings };
export type PresetId = SharedPreset | 'custom';
export const PRESETS = ACCESS_PRESETS;
export const PRESET_IDS: PresetId[] = ['1030', '1530', 'kaifu10', 'radius', 'custom'];

const sameTypes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t) => b.includes(t));

/** Whether two settings ask the same question (fields that do not count for it are ignored). */
export function sameSettings(a: AccessSettings, b: AccessSettings): boolean {
  const radius = a.measure === 'radius';
  return (
    a.measure === b.measure
    && a.urbanMinutes === b.urbanMinutes
    && a.ruralMinutes === b.ruralMinutes
    && sameTypes(a.types, b.types)
    && (radius
      || (a.direction === b.direction && a.dispatchMinutes === b.dispatchMinutes && a.travel.urban === b.travel.urban && a.travel.rural === b.travel.rural))
    && a.demand === b.demand
    && (a.demand === 'centroids' || a.gridMeters === b.gridMeters)
  );
}

/** The preset these settings are (else custom). */
export function presetOf(s: AccessSettings): PresetId {
  for (const id of Object.keys(PRESETS) as SharedPreset[]) if (sameSettings(PRESETS[id], s)) return id;
  return 'custom';
}
