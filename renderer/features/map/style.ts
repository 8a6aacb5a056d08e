/**
 * The map's style: a plain background and our own sources only — no tiles, fonts or sprites from
 * anywhere (the app works offline). Every source starts empty; hooks fill them with setData.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import {
  AREA_COLOUR,
  BAND_COLOURS,
  CATCHMENT_COLOURS,
  REFERRAL_COLOURS,
  DETAIL_TYPES,
  FACILITY_MARKS,
  MAP_FONT,
  ROAD_GROUPS,
  SITING_COLOURS,
  STATUS_COLOURS,
  type StatusColour,
} from './palette.ts';

export const SOURCES = [
  'boundaries',
  'roads',
  'units',
  'areas',
  'access',
  'referral',
  'siting-candidates',
  'siting-demand',
  'facilities',
  'selection',
  'siting-sites',
] as const;
export type SourceId = (typeof SOURCES)[number];

const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
/**
 * Lines and areas: simplified a little more than MapLibre's default (1 px instead of 0.375 at each zoom)
 * and with a narrower margin around each tile (the widest line is 12 px), so that each frame has less
 * to draw (a weak PC draws WebGL in software, see lightMotion.ts). Service areas and catchments 2 px: their
 * own boundaries are placed to within a cell (100–425 m), more than 2 px from zoom 9 on, and a province's
 * 2,500 catchments drew 157,000 outline vertices at 1 px with round joins, 55,000 at 1 px without, fewer at 2.
 * Points keep the default margin, which their labels need.
 */
const SOURCE_OPTIONS: Partial<Record<SourceId, { tolerance?: number; buffer?: number }>> = {
  boundaries: { tolerance: 1, buffer: 32 },
  roads: { tolerance: 1, buffer: 32 },
  areas: { tolerance: 2, buffer: 32 },
  referral: { tolerance: 1, buffer: 32 },
};
/**
 * Below this zoom (a county and more in view) the outlines of streets/towns, service areas and catchments are
 * the fills' own 1 px outline pass (fill-antialias: a thin line per edge, drawn from the fill's vertices)
 * instead of line layers (four vertices per edge, widened in the shader): where WebGL is drawn in software,
 * a province's 2,500 catchments and 2,000 streets/towns were most of a frame's 180,000 triangles.
 */
const OUTLINE_LAYERS_FROM = 9;
const fillOutlineBelow: ExpressionSpecification = ['step', ['zoom'], true, OUTLINE_LAYERS_FROM, false];
/**
 * At a province's overview (below OVERVIEW_BELOW) service areas and catchments are their fills alone: touching
 * catchments differ in colour and the bands stack darker inward, and their outline pass was a third of a frame.
 * Only the trunk roads are drawn there (the primary ones, 13 km apart on the bench's province, from that zoom on).
 */
const OVERVIEW_BELOW = 7.5;
const areaOutline: ExpressionSpecification = ['step', ['zoom'], false, OVERVIEW_BELOW, true, OUTLINE_LAYERS_FROM, false];
const TRUNK_ROADS = ['motorway', 'trunk', 'motorway_link', 'trunk_link'];
const rgba = (hex: string, a: number) => `rgba(${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)},${a})`;
/** A catchment's colour: the palette index the run gave it (touching catchments differ), as the side panel's list shows it. */
const catchmentColour = (alpha: number): ExpressionSpecification => [
  'to-color',
  ['at', ['%', ['get', 'colour'], CATCHMENT_COLOURS.length], ['literal', CATCHMENT_COLOURS.map((c) => rgba(c, alpha))]],
];
const isBand: ExpressionSpecification = ['==', ['get', 'kind'], 'band'];
const isCatchment: ExpressionSpecification = ['==', ['get', 'kind'], 'catchment'];
const TOWNSHIP_KINDS = ['street', 'town', 'township'];
const isTownship: ExpressionSpecification = ['in', ['get', 'kind'], ['literal', TOWNSHIP_KINDS]];
const isCounty: ExpressionSpecification = ['in', ['get', 'kind'], ['literal', ['county', 'city']]];

/** A unit's colour: its gap status when a target is shown, else a neutral tone. */
const statusFill = (neutral: string): ExpressionSpecification => [
  'match',
  ['get', 'status'],
  'met',
  STATUS_COLOURS.met,
  'near',
  STATUS_COLOURS.near,
  'short',
  STATUS_COLOURS.short,
  'none',
  STATUS_COLOURS.none,
  neutral,
];

/** The streets/towns' fill with no target shown, and its opacity (a target shown: 0.55). */
const TOWNSHIP_NEUTRAL = '#fbfaf6';
const SHOWN_OPACITY = 0.55;
const NEUTRAL_OPACITY = 0.9;

/**
 * The streets/towns' gap colouring as the fill layer's paint, not as data: a `match` on the unit's code (one
 * branch per status, listing its codes), set with setPaintProperty, so that the boundaries stay the text
 * MapLibre's worker read (useTextSource) and a new target re-colours them without copying them again.
 */
export function townshipPaint(statuses: ReadonlyMap<string, StatusColour> | null): { color: ExpressionSpecification | string; opacity: number } {
  if (!statuses) return { color: TOWNSHIP_NEUTRAL, opacity: NEUTRAL_OPACITY };
  const by: Record<Exclude<StatusColour, 'none'>, string[]> = { met: [], near: [], short: [] };
  for (const [code, s] of statuses) if (s !== 'none') by[s].push(code);
  // One branch per status: its codes (a label list, as match takes it), its colour; the rest 'none'.
  const branches: (string | string[])[] = [];
  for (const s of ['met', 'near', 'short'] as const) if (by[s].length) branches.push(by[s], STATUS_COLOURS[s]);
  if (!branches.length) return { color: STATUS_COLOURS.none, opacity: SHOWN_OPACITY };
  const color = ['match', ['get', 'code'], ...branches, STATUS_COLOURS.none] as unknown as ExpressionSpecification;
  return { color, opacity: SHOWN_OPACITY };
}

/** ['match', input, k1, v1, k2, v2 …, fallback] built from a table. */
const lookup = (input: ExpressionSpecification, pairs: [string | number, string | number][], fallback: string | number) =>
  ['match', input, ...pairs.flat(), fallback] as unknown as ExpressionSpecification;

const typeSize = lookup(
  ['get', 'type'],
  Object.entries(FACILITY_MARKS).map(([k, v]) => [k, v.size]),
  0.8,
);
const iconSize: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 8, ['*', 0.6, typeSize], 12, ['*', 0.95, typeSize], 15, ['*', 1.2, typeSize]];
const rank = lookup(
  ['get', 'type'],
  Object.entries(FACILITY_MARKS).map(([k, v]) => [k, v.rank]),
  0,
);
const bandColour = lookup(
  ['get', 'band'],
  BAND_COLOURS.map((c, i) => [i, c]),
  '#999999',
);
const byPopulation = (scale: number): ExpressionSpecification => [
  '*',
  scale,
  ['interpolate', ['linear'], ['sqrt', ['get', 'population']], 0, 2, 50, 3.5, 150, 6, 450, 12],
];

const roadWidth = (z8: number, z12: number, z16: number): ExpressionSpecification => ['interpolate', ['exponential', 1.6], ['zoom'], 8, z8, 12, z12, 16, z16];
const road = (group: keyof typeof ROAD_GROUPS): ExpressionSpecification => ['in', ['get', 'highway'], ['literal', [...ROAD_GROUPS[group]]]];

/**
 * Round ends and joins only where a road is wide enough to show them (zoom 11 on): below, plain ones
 * draw the same 1–2 px line with a third of the vertices (a province's major roads at once).
 */
const ROUND_FROM_11: ExpressionSpecification = ['step', ['zoom'], 'butt', 11, 'round'];
const ROUND_JOIN_FROM_11: ExpressionSpecification = ['step', ['zoom'], 'miter', 11, 'round'];

/** The major roads' casing from this zoom; below, the road alone in the casing's colour. */
const MAJOR_CASING_FROM = 8.5;

const isDetail: ExpressionSpecification = ['in', ['get', 'type'], ['literal', [...DETAIL_TYPES]]];
/**
 * Below this zoom (a region of 150 km and more across: a province, a large city) facilities are dots in their
 * type's colour, not icons: at a province's overview 2,500 stations' icons covered most of the map, and where
 * WebGL is drawn in software each icon's textured quad cost the frame more than anything else on it.
 */
export const ICONS_FROM = 8;
const typeColour = lookup(
  ['get', 'type'],
  Object.entries(FACILITY_MARKS).map(([k, v]) => [k, v.color]),
  '#555555',
);
/** Facilities all drawn (a planner needs every one), most important on top; labels never hide them. */
const facilityLayer = (id: string, filter: ExpressionSpecification, minzoom: number): LayerSpecification => ({
  id,
  type: 'symbol',
  source: 'facilities',
  minzoom,
  filter,
  layout: {
    'icon-image': ['concat', 'fac-', ['get', 'type']],
    'icon-size': iconSize,
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
    'symbol-sort-key': rank,
  },
});

const text = {
  'text-font': MAP_FONT,
  'text-padding': 3,
} as const;
const halo = { 'text-color': '#26323f', 'text-halo-color': 'rgba(255,255,255,0.92)', 'text-halo-width': 1.6 } as const;

export function mapStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'healthplan-offline',
    sources: Object.fromEntries(SOURCES.map((s) => [s, { ...empty, ...SOURCE_OPTIONS[s] }])),
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f3f2ed' } },
      // No outline pass of its own: township-line draws the edges.
      {
        id: 'township-fill',
        type: 'fill',
        source: 'boundaries',
        filter: isTownship,
        paint: {
          'fill-antialias': fillOutlineBelow,
          'fill-outline-color': '#98a3af',
          // No target shown; useMapSources sets the gap colouring (townshipPaint).
          'fill-color': TOWNSHIP_NEUTRAL,
          'fill-opacity': NEUTRAL_OPACITY,
        },
      },
      // 服务范围: each band a translucent fill (the inner ones darker where they stack), under the roads.
      {
        id: 'areas-fill',
        type: 'fill',
        source: 'areas',
        filter: isBand,
        paint: { 'fill-antialias': areaOutline, 'fill-outline-color': rgba(AREA_COLOUR, 0.85), 'fill-color': rgba(AREA_COLOUR, 0.16) },
      },
      // 各机构服务范围: each facility's catchment in its colour (touching ones differ), outlined above the roads.
      {
        id: 'catchments-fill',
        type: 'fill',
        source: 'areas',
        filter: isCatchment,
        paint: { 'fill-antialias': areaOutline, 'fill-outline-color': catchmentColour(0.9), 'fill-color': catchmentColour(0.2) },
      },
      {
        id: 'roads-minor',
        type: 'line',
        source: 'roads',
        minzoom: 12.5,
        filter: road('minor'),
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': roadWidth(0.5, 1, 5) },
      },
      {
        id: 'roads-middle-casing',
        type: 'line',
        source: 'roads',
        minzoom: 9.5,
        filter: road('middle'),
        layout: { 'line-join': ROUND_JOIN_FROM_11 },
        paint: { 'line-color': '#c9c4b6', 'line-width': roadWidth(1.2, 2.6, 9) },
      },
      {
        id: 'roads-middle',
        type: 'line',
        source: 'roads',
        minzoom: 9.5,
        filter: road('middle'),
        layout: { 'line-cap': ROUND_FROM_11, 'line-join': ROUND_JOIN_FROM_11 },
        paint: { 'line-color': '#fffdf4', 'line-width': roadWidth(0.6, 1.6, 7) },
      },
      {
        id: 'roads-major-casing',
        type: 'line',
        source: 'roads',
        minzoom: MAJOR_CASING_FROM,
        filter: road('major'),
        layout: { 'line-join': ROUND_JOIN_FROM_11 },
        paint: { 'line-color': '#d59a3f', 'line-width': roadWidth(1.4, 3.4, 12) },
      },
      {
        id: 'roads-trunk-overview',
        type: 'line',
        source: 'roads',
        maxzoom: OVERVIEW_BELOW,
        filter: ['in', ['get', 'highway'], ['literal', TRUNK_ROADS]],
        paint: { 'line-color': '#d59a3f', 'line-width': 1.2 },
      },
      {
        id: 'roads-major',
        type: 'line',
        source: 'roads',
        minzoom: OVERVIEW_BELOW,
        filter: road('major'),
        layout: { 'line-cap': ROUND_FROM_11, 'line-join': ROUND_JOIN_FROM_11 },
        // Below the casing's zoom one darker line of the casing's width (half the vertices at the province view).
        paint: {
          'line-color': ['step', ['zoom'], '#d59a3f', MAJOR_CASING_FROM, '#f9c87a'],
          'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 8, 1.2, MAJOR_CASING_FROM - 0.01, 1.3, MAJOR_CASING_FROM, 0.95, 12, 2.2, 16, 10],
        },
      },
      {
        id: 'areas-line',
        type: 'line',
        source: 'areas',
        minzoom: OUTLINE_LAYERS_FROM,
        filter: isBand,
        paint: { 'line-color': AREA_COLOUR, 'line-width': ['case', ['==', ['get', 'inner'], true], 2, 1], 'line-opacity': 0.85 },
      },
      {
        id: 'catchments-line',
        type: 'line',
        source: 'areas',
        minzoom: OUTLINE_LAYERS_FROM,
        filter: isCatchment,
        paint: { 'line-color': catchmentColour(0.9), 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 12, 2] },
      },
      {
        id: 'township-line',
        type: 'line',
        source: 'boundaries',
        minzoom: OUTLINE_LAYERS_FROM,
        filter: isTownship,
        paint: { 'line-color': '#98a3af', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 12, 1] },
      },
      {
        id: 'county-line',
        type: 'line',
        source: 'boundaries',
        filter: isCounty,
        paint: { 'line-color': '#56657a', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.1, 12, 2], 'line-dasharray': [4, 2] },
      },
      {
        id: 'unit-centres',
        type: 'circle',
        source: 'units',
        filter: ['all', isTownship, ['!', ['get', 'hasShape']]],
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, byPopulation(0.9), 12, byPopulation(2)],
          'circle-color': statusFill('#8aa4c0'),
          'circle-opacity': ['case', ['==', ['get', 'status'], ''], 0.28, 0.72],
          'circle-stroke-color': ['case', ['==', ['get', 'status'], ''], '#6d86a3', '#ffffff'],
          'circle-stroke-width': 1,
        },
      },
      {
        id: 'access-points',
        type: 'circle',
        source: 'access',
        layout: { 'circle-sort-key': ['case', ['get', 'covered'], 0, 1] },
        paint: {
          // At a province's overview (below zoom 8: 25,000 points) smaller, the covered without their white ring.
          'circle-radius': [
            'interpolate',
            ['linear'],
            ['zoom'],
            6,
            ['case', ['get', 'covered'], 1.4, 2.6],
            8,
            ['case', ['get', 'covered'], 2.5, 4],
            12,
            ['case', ['get', 'covered'], 5, 8],
            15,
            ['case', ['get', 'covered'], 8, 12],
          ],
          'circle-color': bandColour,
          'circle-stroke-color': ['case', ['get', 'covered'], 'rgba(255,255,255,0.9)', '#1b1b24'],
          'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 7, ['case', ['get', 'covered'], 0, 1.2], 8, ['case', ['get', 'covered'], 0.6, 1.6]],
        },
      },
      // 转诊: one line from each facility to its referral target (green within the limit, red beyond);
      // those that reach nothing above them ringed. Under the facility icons, which mark both ends.
      {
        id: 'referral-lines',
        type: 'line',
        source: 'referral',
        filter: ['==', ['geometry-type'], 'LineString'],
        layout: { 'line-cap': 'round', 'line-join': 'round', 'line-sort-key': ['case', ['get', 'within'], 0, 1] },
        paint: {
          'line-color': ['case', ['get', 'within'], REFERRAL_COLOURS.within, REFERRAL_COLOURS.over],
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, ['case', ['get', 'within'], 1.2, 2], 12, ['case', ['get', 'within'], 2.2, 3.4]],
          'line-opacity': 0.85,
        },
      },
      {
        id: 'referral-unreached',
        type: 'circle',
        source: 'referral',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 8, 12, 13],
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': REFERRAL_COLOURS.unreached,
          'circle-stroke-width': 2.5,
        },
      },
      // Siting: candidates faint (the planner's own ringed), demand by what the proposal changes.
      {
        id: 'siting-candidates',
        type: 'circle',
        source: 'siting-candidates',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, ['case', ['get', 'planner'], 3.5, 1.6], 13, ['case', ['get', 'planner'], 6, 3]],
          'circle-color': ['case', ['get', 'planner'], 'rgba(29,95,191,0.15)', SITING_COLOURS.candidate],
          'circle-opacity': ['case', ['get', 'planner'], 1, 0.4],
          'circle-stroke-color': SITING_COLOURS.planner,
          'circle-stroke-width': ['case', ['get', 'planner'], 1.8, 0],
        },
      },
      {
        id: 'siting-demand',
        type: 'circle',
        source: 'siting-demand',
        layout: { 'circle-sort-key': ['match', ['get', 'state'], 'uncovered', 2, 'newly', 1, 0] },
        paint: {
          'circle-radius': [
            'interpolate',
            ['linear'],
            ['zoom'],
            8,
            ['match', ['get', 'state'], 'before', 2.5, 4],
            12,
            ['match', ['get', 'state'], 'before', 5, 8],
            15,
            ['match', ['get', 'state'], 'before', 8, 12],
          ],
          'circle-color': ['match', ['get', 'state'], 'newly', SITING_COLOURS.newly, 'uncovered', SITING_COLOURS.uncovered, SITING_COLOURS.before],
          'circle-stroke-color': ['match', ['get', 'state'], 'uncovered', '#1b1b24', '#ffffff'],
          'circle-stroke-width': ['match', ['get', 'state'], 'uncovered', 1.6, 'newly', 1.2, 0.6],
        },
      },
      {
        id: 'selection-halo',
        type: 'circle',
        source: 'selection',
        paint: { 'circle-radius': 17, 'circle-color': 'rgba(29,95,191,0.18)', 'circle-stroke-color': '#1d5fbf', 'circle-stroke-width': 2 },
      },
      facilityLayer('facilities-detail', isDetail, 11),
      {
        id: 'facilities-dots',
        type: 'circle',
        source: 'facilities',
        maxzoom: ICONS_FROM,
        filter: ['!', isDetail],
        layout: { 'circle-sort-key': rank },
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, ['*', 2, typeSize], ICONS_FROM, ['*', 3.2, typeSize]],
          'circle-color': typeColour,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      },
      facilityLayer('facilities', ['!', isDetail], ICONS_FROM),
      { ...facilityLayer('selection-icon', ['==', ['get', 'ghost'], true], 0), source: 'selection' } as LayerSpecification,
      {
        id: 'township-labels',
        type: 'symbol',
        source: 'units',
        minzoom: 9,
        filter: isTownship,
        layout: {
          ...text,
          'text-field': ['get', 'name'],
          'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 13, 14],
          'symbol-sort-key': ['-', 0, ['get', 'population']],
        },
        paint: halo,
      },
      {
        id: 'county-labels',
        type: 'symbol',
        source: 'units',
        maxzoom: 10.5,
        filter: ['==', ['get', 'kind'], 'county'],
        layout: { ...text, 'text-field': ['get', 'name'], 'text-size': 15, 'text-letter-spacing': 0.1 },
        paint: { ...halo, 'text-color': '#1e3a5f', 'text-halo-width': 2 },
      },
      {
        id: 'facility-labels',
        type: 'symbol',
        source: 'facilities',
        minzoom: 13,
        layout: {
          ...text,
          'text-field': ['get', 'name'],
          'text-size': 11,
          'text-anchor': 'top',
          'text-offset': [0, 1.1],
          'text-optional': true,
          'text-max-width': 9,
        },
        paint: { ...halo, 'text-color': '#3e4c59' },
      },
      // Last, so that the proposed sites are placed before every other label (the top layer first): the
      // marks, always shown and kept clear of labels, then their names on whichever side is free.
      {
        id: 'siting-site-labels',
        type: 'symbol',
        source: 'siting-sites',
        layout: {
          ...text,
          'text-field': ['get', 'label'],
          'text-size': 12,
          'text-max-width': 12,
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 1.9,
          'text-justify': 'auto',
        },
        paint: { ...halo, 'text-color': '#111827', 'text-halo-width': 2 },
      },
      {
        id: 'siting-sites',
        type: 'symbol',
        source: 'siting-sites',
        layout: { 'icon-image': ['get', 'icon'], 'icon-size': ['interpolate', ['linear'], ['zoom'], 8, 0.85, 13, 1.1], 'icon-allow-overlap': true },
      },
    ],
  };
}
