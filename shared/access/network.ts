/**
 * 路网: the road network as it is stored and handed to the access engine — plain typed arrays, so it
 * crosses into a worker thread without copying object graphs — and the speeds a planner can edit.
 */

/**
 * Road segments (polylines) as imported: segment s has the points `offsets[s] .. offsets[s+1]-1`
 * of `coords` (lon, lat pairs, WGS-84).
 */
export interface RoadNetworkData {
  /** Per segment: index of its first point; length = segments + 1. */
  offsets: Uint32Array;
  /** lon0, lat0, lon1, lat1, … for every point of every segment. */
  coords: Float64Array;
  /** Per segment: its class, an OSM `highway` value (primary, residential …) or '' when unknown. */
  highway: string[];
  /** Per segment: its own speed in km/h, NaN to use the class's. */
  speedKmh: Float32Array;
  /** Per segment: 0 both ways, 1 one way along the points, -1 one way against them. */
  oneway: Int8Array;
}

export const segmentCount = (n: RoadNetworkData) => n.offsets.length - 1;

/**
 * Car speeds (km/h) by road class, the defaults a plan starts from (editable in the plan). Close to
 * what open routing engines use for cars (motorway 90–100, trunk 85, primary 65, secondary 55–60,
 * tertiary 40–50, residential 25–30), a little lower for urban traffic; an ambulance is not assumed
 * faster than traffic.
 */
export const DEFAULT_ROAD_SPEEDS: Readonly<Record<string, number>> = {
  motorway: 90,
  motorway_link: 45,
  trunk: 70,
  trunk_link: 40,
  primary: 55,
  primary_link: 35,
  secondary: 45,
  secondary_link: 30,
  tertiary: 35,
  tertiary_link: 25,
  unclassified: 30,
  residential: 25,
  living_street: 10,
  service: 15,
  road: 30,
};
/** A segment whose class is not in the table. */
export const UNKNOWN_CLASS_SPEED = 30;

/** The classes a car (or an ambulance) drives on: what an OSM import keeps. */
export const DRIVABLE_CLASSES: ReadonlySet<string> = new Set(Object.keys(DEFAULT_ROAD_SPEEDS));

/**
 * Without a road network: straight-line distance × detour ÷ speed. The detour factor of 1.6 is from
 * a Beijing EMS study (straight line to road distance); speeds per urban/rural class are assumptions.
 */
export interface FallbackModel {
  detour: number;
  urbanKmh: number;
  ruralKmh: number;
}
export const DEFAULT_FALLBACK: FallbackModel = { detour: 1.6, urbanKmh: 30, ruralKmh: 45 };

/** From a point off the network to its snapped node: local streets, lanes, a yard (km/h). */
export const DEFAULT_CONNECTOR_KMH = 15;

/**
 * On foot (步行): 4.8 km/h, about 80 m a minute — a common planning figure for an adult's walk (transport
 * manuals take 4–5 km/h). It is on the generous side: 城市居住区规划设计标准 GB 50180-2018 takes the 15-minute
 * life circle as 800–1,000 m on foot (about 3.2–4 km/h; 待核实: not among the seeds), and the elderly walk slower. A constant, not a
 * plan setting: the 1530 circle's reading does not hinge on it.
 */
export const WALK_KMH = 4.8;
/**
 * Where nobody may walk: motorways (高速公路) and trunk roads (快速路、干线) with their ramps. On foot
 * these edges are absent; every other class of the plan's roads is walked, both ways (one-way
 * restrictions bind vehicles, not people on the pavement), at WALK_KMH whatever the car speed.
 */
export const NO_WALK_CLASSES: ReadonlySet<string> = new Set(['motorway', 'motorway_link', 'trunk', 'trunk_link']);
/**
 * Without a road network, on foot: straight-line distance × 1.3 ÷ WALK_KMH. Paths and lanes cut
 * corners a car cannot, so a walk detours less than a drive (1.6): route directness of 1.2–1.4 is
 * what walkability studies report for town streets.
 */
export const WALK_DETOUR = 1.3;
