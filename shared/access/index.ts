/**
 * 通行时间引擎: travel times from road networks, pure and on typed arrays so it can run in a worker.
 *
 * The flow for the backend:
 * 1. Once per network and speed table: `graph = buildRoadGraph(net, speeds)`, `index = buildNodeIndex(graph)`.
 * 2. Snap: `stations = snapPoints(graph, index, lon, lat, DEFAULT_CONNECTOR_KMH)` for the facilities,
 *    and the same for the demand points from `demandFromCentroids` or `demandGrid`.
 * 3. Per facility type: `field = new NearestFacilityField(graph, 'from_facility' | 'to_facility')`,
 *    `field.run(facilitySources(stations, dispatchSeconds))`.
 * 4. A planner moves a station: `field.move(f, node, startSeconds)` (or `add`, `remove`): an
 *    incremental update, exactly equal to a full run.
 * 5. `travel = demandTravel(field, demandSnapped, travel)`, then
 *    `coverage(demand, travel.minutes, { urbanMinutes: 10, ruralMinutes: 30 }, unitCount)` and
 *    `travelTimeBands(travel.minutes, demand.population, 5, 60)`.
 * Without a road network, step 1–5 become `straightLineTravel(facilityLon, facilityLat, demand)`,
 * then the same coverage.
 */
export {
  coverage,
  type Coverage,
  demandTravel,
  type DemandTravel,
  shownTenths,
  type Thresholds,
  travelTimeBands,
  type TravelTimeBands,
} from './coverage.ts';
export {
  type AccessGroups,
  accessGroups,
  AGE_BANDS,
  type AgeApportion,
  type AgeBand,
  GROUP_KEYS,
  type GroupArea,
  type GroupCoverage,
  type GroupInput,
  type GroupKey,
  type WorstGroup,
} from './groups.ts';
export { type DemandOptions, type DemandPoints, type DemandResult, type DemandUnit, demandFromCentroids, demandGrid, type GridOptions } from './demand.ts';
export {
  conditionsNote,
  conditionsText,
  DEFAULT_PEAK_FACTORS,
  otherConditions,
  type PeakFactors,
  peakFactorsKey,
  peakSegmentFactors,
  placesKey,
  segmentUrban,
  TRAVEL_CONDITIONS,
  type TravelConditions,
  UNKNOWN_CLASS_PEAK_FACTOR,
  type UrbanPlaces,
  urbanPlaces,
  validPeakFactor,
} from './conditions.ts';
export { type Direction, type FacilitySources, facilitySources, nearestFacility, type NearestFacility, type SearchOptions } from './dijkstra.ts';
export { straightLineTravel } from './fallback.ts';
export { NearestFacilityField } from './field.ts';
export { buildRoadGraph, buildWalkGraph, type Csr, NO_NODE, type RoadGraph } from './graph.ts';
export * from './network.ts';
export {
  REFERRAL_LADDER,
  REFERRAL_THRESHOLD_MINUTES,
  referralOnRoads,
  referralRung,
  referralStraightLine,
  referralTargets,
  type ReferralTimes,
  referralWithin,
  summariseReferral,
} from './referral.ts';
export { buildNodeIndex, DEFAULT_SNAP_LIMIT_METRES, type NodeIndex, nodeIndexFrom, type SnapOptions, type Snapped, snapPoints } from './snap.ts';
export {
  DRIVE,
  modeOf,
  modesUsed,
  TRAVEL_MODES,
  type TravelMode,
  type TravelModes,
  travelFallback,
  travelModeText,
  travelNote,
  WALK_IN_TOWN,
} from './travel.ts';
