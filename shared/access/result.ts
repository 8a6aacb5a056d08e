/**
 * 可及性分析结果: what an access analysis answers, as the service returns it (the CLI's JSON, the map,
 * the gap screen's access targets all read this shape).
 */
import type { FacilityType } from '../model/kinds.ts';
import type { DemandDescription } from './demand.ts';
import type { AccessGroups } from './groups.ts';
import type { MultiPolygonCoords } from './service-area.ts';
import type { TravelConditions } from './conditions.ts';
import type { TravelMode, TravelModes } from './travel.ts';

/** How travel times were found: on the plan's roads, or straight line × detour ÷ speed (no roads). */
export type TravelModel = 'road' | 'straight_line';

export interface AccessQuery {
  scenarioId: number;
  /** The facilities whose nearest one counts (120 stations for the 1030 rule, CHC/THC for 1530). */
  types: FacilityType[];
  urbanMinutes: number;
  ruralMinutes: number;
  /** 'from': an ambulance from its station to the place; 'to': a resident to the nearest facility. */
  direction: 'from' | 'to';
  /** Added to every trip from a facility (dispatch, 出车), minutes. */
  dispatchMinutes: number;
  /** Demand points: the villages'/communities' centres, or a grid generated inside unit boundaries. */
  demand: 'centroids' | 'grid';
  gridMeters: number;
  /**
   * 'time': travel minutes (on roads, else straight line × detour ÷ speed); 'radius': the straight-line
   * distance to the nearest facility against a service radius, the thresholds then in kilometres.
   */
  measure: 'time' | 'radius';
  /** The year: facilities as of it (规划项目 up to it applied) and populations of it; absent: the plan's target year. */
  year?: number;
  /** Only the people of these units (codes or exact names) and everything under them; absent or empty: the whole plan. */
  within?: string[];
  /** 出行方式 per urban/rural point: by car, or on foot (4.8 km/h, no motorways or trunk roads; travel.ts). */
  travel: TravelModes;
  /** 服务范围: also the areas within these minutes (and each facility's catchment) as polygons (service-area.ts). */
  areas?: { bands: number[]; catchments?: boolean; apart?: boolean };
  /** 通行条件: free flow (平峰, absent) or the peak hour (高峰: speeds × the plan's peak factors; conditions.ts). */
  conditions?: TravelConditions;
  /** Also the coverage under the other condition (region and counties), side by side in the result (`compared`). */
  compare?: boolean;
}

/** The coverage of the same question under the other travel condition (平峰 beside 高峰). */
export interface ComparedConditionsOut {
  conditions: TravelConditions;
  /** The region first, then each county: people, within the threshold, share. */
  units: { scope: 'region' | 'county'; code: string; name: string; population: number; covered: number; share: number | null }[];
}

/** Service areas of a run: polygons (GeoJSON MultiPolygon coordinates, WGS-84) and their people from the demand points. */
export interface ServiceAreasOut {
  /** The method in words (the connector rule, the cell, the tolerance), for the map and the GeoJSON. */
  note: string;
  noteEn: string;
  /** A cell's side in metres: boundaries are placed to within about one cell (0 when nothing was drawn). */
  cellMetres: number;
  /** The mode the polygons were drawn for (by car where the run mixes modes). */
  travel: TravelMode;
  /** People of the demand points within each band (their own minutes, as the coverage counts "within"). */
  bands: { minutes: number; population: number; polygons: MultiPolygonCoords }[];
  /** Per facility of the run: the places and the people (of the reachable points) whose nearest it is. */
  /**
   * Per facility of the run: the places and the people (of the reachable points) whose nearest it is, and
   * its colour (an index into the map's 8-colour palette; touching catchments differ).
   */
  catchments?: { facility: string; name: string; population: number; colour: number; polygons: MultiPolygonCoords }[];
  /** Asked with areas.apart: the polygons above are empty and access.areasGeoJson gives them by this key. */
  shapes?: number;
}

/** 需求点: a village/community centre (or a grid cell) with its population and travel time. */
export interface DemandPointOut {
  code: string;
  name: string;
  /** The street/town (街道/乡镇) it belongs to, for drilling down and colouring. */
  township: string | null;
  lon: number;
  lat: number;
  population: number;
  urban: boolean;
  /** Minutes to (or from) the nearest facility; null when none can be reached (or measuring a radius). */
  minutes: number | null;
  /** Measuring a radius: straight-line kilometres to the nearest facility. */
  km?: number | null;
  /** The nearest facility's id. */
  nearest: string | null;
  covered: boolean;
  /** The people of its unit beyond those of the units listed under it, at the unit's centre. */
  remainder?: boolean;
}

/** Coverage of one unit or the region: population within the threshold (urban or rural by point). */
export interface UnitCoverageOut {
  scope: 'region' | 'county' | 'township';
  code: string;
  name: string;
  parent: string | null;
  population: number;
  covered: number;
  /** covered ÷ population, 0–1; null with no population. */
  share: number | null;
}

export interface AccessResultOut {
  model: TravelModel;
  /** Said on every result that used the straight-line fallback (and how), else how roads were used. */
  modelNote: string;
  modelNoteEn: string;
  query: AccessQuery;
  /** The year evaluated: facilities as of it, populations of it. */
  year: number;
  /** How the demand was formed (points, remainders), said beside the model note. */
  demand: DemandDescription;
  /** Projects counted for the year, and units whose population differs from their units' sum. */
  notes: string[];
  notesEn: string[];
  points: DemandPointOut[];
  units: UnitCoverageOut[];
  /** Population by 5-minute travel-time band (upper bound in minutes; null = beyond 60), for the surface and the curve. */
  bands: { upTo: number | null; population: number }[];
  /** Population no facility can be reached from (off the network, or no road to one). */
  unreachable: number;
  /** Facilities used (id, name, lon, lat) so the map can draw them and the nearest lines. */
  facilities: { id: string; name: string; type: FacilityType; lon: number; lat: number }[];
  /** 公平: covered share by urban/rural and the age bands the plan has (0–3, 65+), for the region and each county, and the worst served (groups.ts). */
  groups: AccessGroups;
  /** The travel condition the result was computed under (absent in results made before conditions: free flow). */
  conditions?: TravelConditions;
  /** With `compare`: the same coverage under the other condition (on the roads only; without roads the two agree). */
  compared?: ComparedConditionsOut;
  /** 服务范围, when the query asked for areas. */
  areas?: ServiceAreasOut;
  /** Milliseconds the computation took (graph cached or not). */
  ms: number;
}
