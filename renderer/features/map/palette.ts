/**
 * The map's colours and marks: one per facility type (with a character drawn in its icon), the gap
 * statuses (as on the gaps screen), and the travel-time bands of an access analysis.
 */
import type { FacilityType } from '../../../shared/model/kinds.ts';
import type { GapStatus } from '../../../shared/gaps/result.ts';
import type { CATCHMENT_PALETTE_SIZE } from '../../../shared/access/catchment-colours.ts';

/** Fill colour and the character in the icon; hospitals purple, primary care blue/teal, 120 red. */
export const FACILITY_MARKS: Record<FacilityType, { color: string; glyph: string; size: number; rank: number }> = {
  tertiary_hospital: { color: '#5b2a86', glyph: '三', size: 1, rank: 16 },
  secondary_hospital: { color: '#8e44ad', glyph: '二', size: 0.95, rank: 15 },
  primary_hospital: { color: '#b07cc6', glyph: '一', size: 0.8, rank: 8 },
  tcm_hospital: { color: '#8d6e63', glyph: '中', size: 0.9, rank: 13 },
  mch_centre: { color: '#d81b60', glyph: '妇', size: 0.9, rank: 12 },
  cdc: { color: '#455a64', glyph: '疾', size: 0.85, rank: 11 },
  sub_centre: { color: '#00838f', glyph: '次', size: 0.9, rank: 10 },
  community_hospital: { color: '#0d47a1', glyph: '医', size: 0.85, rank: 9 },
  chc: { color: '#1e6fd9', glyph: '社', size: 0.85, rank: 7 },
  chc_branch: { color: '#4a90e2', glyph: '分', size: 0.75, rank: 5 },
  chs_station: { color: '#7fb3ee', glyph: '站', size: 0.65, rank: 3 },
  central_thc: { color: '#00695c', glyph: '心', size: 0.85, rank: 7 },
  thc: { color: '#26a69a', glyph: '卫', size: 0.8, rank: 6 },
  village_clinic: { color: '#80cbc4', glyph: '村', size: 0.6, rank: 1 },
  ems_station: { color: '#e02424', glyph: '急', size: 0.95, rank: 20 },
  elderly_care: { color: '#ef6c00', glyph: '养', size: 0.7, rank: 2 },
  childcare: { color: '#5c6bc0', glyph: '托', size: 0.7, rank: 2 },
};

/** The types too numerous to show when the whole region is in view. */
export const DETAIL_TYPES: readonly FacilityType[] = ['village_clinic', 'chs_station', 'elderly_care', 'childcare'];

/** Unit colours by gap status: met, near, short and no data (missing data or not evaluated). */
export type StatusColour = 'met' | 'near' | 'short' | 'none';
export const STATUS_COLOURS: Record<StatusColour, string> = { met: '#2e9e5b', near: '#f0a202', short: '#d64541', none: '#b8c2cc' };
export const statusColour = (s: GapStatus | undefined): StatusColour => (s === 'met' || s === 'near' || s === 'short' ? s : 'none');

/**
 * The bands demand points are coloured by: four limits (minutes of travel, or kilometres of a service
 * radius), then beyond the last, then none reached.
 */
export type Measure = 'time' | 'radius';
/** 服务范围: one hue for every band, the inner ones darker where the fills stack. */
export const AREA_COLOUR = '#2b6cb0';
/** 各机构服务范围: a small palette cycled over the facilities (neighbours mostly differ; the colour only tells them apart). */
export const CATCHMENT_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf'] as const;
/** As many as the colouring gives out (shared/access/catchment-colours.ts): a compile error if they part. */
const _paletteSize: typeof CATCHMENT_PALETTE_SIZE = CATCHMENT_COLOURS.length;
void _paletteSize;
/** 转诊: a line within the limit, beyond it, and the ring of a facility that reaches nothing above it. */
export const REFERRAL_COLOURS = { within: '#1a9850', over: '#d7301f', unreached: '#b2182b' } as const;
export const BAND_COLOURS = ['#1a7f3c', '#5cb85c', '#b8d84a', '#f5a623', '#d7301f', '#4b4b57'] as const;
export const BAND_LIMITS: Record<Measure, readonly number[]> = { time: [5, 10, 15, 30], radius: [2, 5, 10, 20] };
export const UNREACHED = BAND_COLOURS.length - 1;
export function bandOf(value: number | null | undefined, measure: Measure): number {
  if (value === null || value === undefined) return UNREACHED;
  const i = BAND_LIMITS[measure].findIndex((limit) => value <= limit);
  return i < 0 ? UNREACHED - 1 : i;
}

/** A siting answer's demand points (covered before / newly covered / still not) and its candidate sites. */
export const SITING_COLOURS = {
  before: '#8fb1cc',
  newly: '#12a150',
  uncovered: '#d7301f',
  candidate: '#5b6573',
  planner: '#1d5fbf',
} as const;

/** Road classes, widest first; the first group shows at every zoom, the others as one zooms in. */
export const ROAD_GROUPS = {
  major: ['motorway', 'trunk', 'primary', 'motorway_link', 'trunk_link'],
  middle: ['secondary', 'tertiary', 'primary_link', 'secondary_link', 'tertiary_link'],
  minor: ['unclassified', 'residential', 'living_street', 'service', 'road'],
} as const;

/** The app's own font stack: MapLibre draws every label locally from it (no glyph server). */
export const MAP_FONT = ['Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];
