/**
 * The siting question as the panel holds it: the service's query plus where the planner's own
 * candidate sites came from (a sheet, clicks on the map), kept apart so that either can be cleared.
 * The presets are the questions planners ask most: "1030" stations, 开福's 10-minute circle, and
 * 资阳's sub-centres (existing hospitals fixed, a township centre upgraded).
 */
import type { FacilityType } from '../../../../shared/model/kinds.ts';
import type { CandidateSiteIn, SitingQuery } from '../../../../shared/siting/query.ts';
import { SITING_DEFAULTS, SITING_PRESETS, type SitingPresetId as PresetId } from '../../../../shared/siting/presets.ts';

export type SitingModel = SitingQuery['model'];
export const MODELS: SitingModel[] = ['mclp', 'lscp', 'pmedian'];

/** The service's query less its scenario and candidates, which the panel holds by their source. */
export type SitingSettings = Omit<SitingQuery, 'scenarioId' | 'candidates'> & {
  generate: boolean;
  generateMeters: number;
  upgrade: FacilityType[];
  /** The candidate sheet read (its name), and its sites. */
  listFile: string | null;
  listSites: CandidateSiteIn[];
  /** Sites the planner clicked on the map (ids MAP-1, MAP-2 …). */
  mapSites: CandidateSiteIn[];
};

export const MAP_SITE_PREFIX = 'MAP-';

/** The presets (and the defaults) are shared with `healthplan site`: shared/siting/presets.ts. */
export { SITING_PRESETS };
export type SitingPresetId = PresetId | 'custom';
export const SITING_PRESET_IDS: SitingPresetId[] = ['1030', 'kaifu10', 'subcentre', 'custom'];

/** The panel opens on the 1030 preset, with the shared defaults for the rest. */
export const DEFAULT_SITING: SitingSettings = {
  ...SITING_DEFAULTS,
  ...SITING_PRESETS['1030'].question,
  k: SITING_PRESETS['1030'].k,
  within: [],
  exclude: [],
  listFile: null,
  listSites: [],
  mapSites: [],
};

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function sitingPresetOf(s: SitingSettings): SitingPresetId {
  for (const [id, p] of Object.entries(SITING_PRESETS) as [Exclude<SitingPresetId, 'custom'>, (typeof SITING_PRESETS)['1030']][]) {
    const q = p.question;
    if (
      q.model === s.model
      && q.type === s.type
      && sameSet(q.existingTypes, s.existingTypes)
      && q.urbanMinutes === s.urbanMinutes
      && q.ruralMinutes === s.ruralMinutes
      && q.direction === s.direction
      && q.travel.urban === s.travel.urban
      && q.travel.rural === s.travel.rural
      && q.generate === s.generate
      && sameSet(q.upgrade, s.upgrade)
    )
      return id;
  }
  return 'custom';
}

/** The query the service takes, for the active scenario. */
export function toQuery(s: SitingSettings, scenarioId: number): SitingQuery {
  return {
    scenarioId,
    model: s.model,
    type: s.type,
    existingTypes: s.existingTypes,
    k: s.k,
    urbanMinutes: s.urbanMinutes,
    ruralMinutes: s.ruralMinutes,
    direction: s.direction,
    dispatchMinutes: s.dispatchMinutes,
    travel: s.travel,
    cutoffMinutes: s.cutoffMinutes,
    within: s.within,
    exclude: s.exclude,
    candidates: { sites: [...s.listSites, ...s.mapSites], upgrade: s.upgrade, generateMeters: s.generate ? s.generateMeters : null },
    capacity: s.model === 'mclp' ? s.capacity : null,
    exact: s.exact,
    timeLimitSeconds: s.timeLimitSeconds,
    ...(s.conditions && s.conditions !== 'free' ? { conditions: s.conditions } : {}),
    ...(s.siteFor ? { siteFor: s.siteFor } : {}),
  };
}

/** Whether the settings ask what the shown result answered (the scenario aside). */
export function sameQuery(a: SitingQuery, b: SitingQuery): boolean {
  return JSON.stringify({ ...a, scenarioId: 0 }) === JSON.stringify({ ...b, scenarioId: 0 });
}

/** Why the question cannot be asked yet (a strings key), or null. */
export function missingInput(s: SitingSettings): 'noK' | 'noCandidates' | null {
  if (s.model !== 'lscp' && s.k < 1) return 'noK';
  if (!s.generate && s.upgrade.length === 0 && s.listSites.length === 0 && s.mapSites.length === 0) return 'noCandidates';
  return null;
}
