/**
 * 转诊可及性: how long a patient referred from a facility takes to reach the nearest facility of a
 * higher level — village clinic → 乡镇卫生院/社区卫生服务中心 → 县域医疗次中心 → county hospital → 三级医院.
 * What decides whether a 乡镇卫生院 should become a sub-centre: a centre more than half an hour from any
 * sub-centre or hospital is a candidate.
 *
 * Entry points:
 * - `REFERRAL_LADDER`, `referralRung(type)`, `referralTargets(type)`: the ladder as data, with its reasons.
 * - `referralOnRoads(graph, index, from, to)`: one multi-source search from all "to" facilities on the
 *   reverse graph (the time *to* them, as the patient travels), by car, both ends snapped as demand
 *   points are (snap.ts: nearest road node within 5 km, the straight stretch at 15 km/h).
 * - `referralStraightLine(from, to)`: without roads, straight line × 1.6 ÷ 30 (town) or 45 (country) km/h,
 *   by the "from" facility's unit (fallback.ts); said in the result's model note.
 * - `summariseReferral(minutes, county, countyCount, thresholdMinutes)`: per county and in all, how many
 *   facilities are within the threshold, how many cannot reach any, and the longest time.
 *
 * By car: a referral is a trip by car or ambulance (no one walks a patient to the county hospital), so the
 * plan's road speeds, one-way streets as signed, no dispatch delay.
 */
import type { FacilityType } from '../model/kinds.ts';
import type { TravelConditions } from './conditions.ts';
import { type FacilitySources, facilitySources, nearestFacility } from './dijkstra.ts';
import { straightLineTravel } from './fallback.ts';
import type { RoadGraph } from './graph.ts';
import { DEFAULT_CONNECTOR_KMH, DEFAULT_FALLBACK, type FallbackModel } from './network.ts';
import { type NodeIndex, snapPoints } from './snap.ts';

/** One level of the referral ladder. */
export interface ReferralRung {
  id: 'village' | 'primary' | 'sub_centre' | 'county' | 'city';
  zh: string;
  en: string;
  types: readonly FacilityType[];
  /** Why these types stand at this level. */
  reason: { zh: string; en: string };
}

/**
 * The ladder, lowest first. A facility's default referral targets are the types of every rung above its
 * own: "the nearest one of a higher level", so a 乡镇卫生院 nearer a county hospital than any sub-centre
 * is referred there. Not on it: 妇幼保健院, 疾控中心, 120 stations, elderly care and childcare (not steps of
 * the general referral chain); their referrals need "to" types given.
 */
export const REFERRAL_LADDER: readonly ReferralRung[] = [
  {
    id: 'village',
    zh: '村卫生室、社区卫生服务站',
    en: 'Village clinics and community health stations',
    types: ['village_clinic', 'chs_station', 'chc_branch'],
    reason: {
      zh: '村级和社区的网底：村卫生室上转乡镇卫生院，社区卫生服务站和分中心上转其社区卫生服务中心（乡村一体化、社区一体化管理）',
      en: 'The base of the network: a village clinic refers to its township health centre, a community station or CHC branch to its community health centre',
    },
  },
  {
    id: 'primary',
    zh: '乡镇卫生院、社区卫生服务中心',
    en: 'Township and community health centres',
    types: ['thc', 'central_thc', 'chc', 'community_hospital', 'primary_hospital'],
    reason: {
      zh: '基层医疗卫生机构（中心卫生院、社区医院和一级医院同级）：首诊在基层，需上转的转县域医疗次中心或县级医院',
      en: 'Primary care (central THCs, community hospitals and primary hospitals at the same level): first contact, referring on to a sub-centre or county hospital',
    },
  },
  {
    id: 'sub_centre',
    zh: '县域医疗次中心',
    en: 'County-level sub-centres',
    types: ['sub_centre'],
    reason: {
      zh: '达到二级综合医院水平的中心卫生院（长政办发〔2023〕6号），承接片区内乡镇卫生院的上转，疑难重症再转县级医院',
      en: 'Central THCs brought to secondary-hospital level (长政办发〔2023〕6号), taking their area’s referrals and referring on to the county hospital',
    },
  },
  {
    id: 'county',
    zh: '县级医院（二级医院、中医医院）',
    en: 'County hospitals (secondary and TCM hospitals)',
    types: ['secondary_hospital', 'tcm_hospital'],
    reason: {
      zh: '县域医共体的牵头医院：县人民医院、县中医医院（多为二级）',
      en: 'The leading hospitals of the county medical community: the county people’s and TCM hospitals (mostly secondary)',
    },
  },
  {
    id: 'city',
    zh: '三级医院',
    en: 'Tertiary hospitals',
    types: ['tertiary_hospital'],
    reason: {
      zh: '市级及以上的三级医院（一些县级市的人民医院也是三级），承接县级医院的上转',
      en: 'Tertiary hospitals of the city and above (some county-level cities’ hospitals are tertiary too), taking the county hospitals’ referrals',
    },
  },
];

/**
 * 30 minutes by car: the country half of the 1530 circle (长政办发〔2021〕62号) and the 30-minute rural
 * medical-service circle the national plans speak of (待核实: not among the seeds as a referral time).
 */
export const REFERRAL_THRESHOLD_MINUTES = 30;

/** The rung a type stands on (its index in REFERRAL_LADDER), -1 when it is not on the ladder. */
export function referralRung(type: FacilityType): number {
  return REFERRAL_LADDER.findIndex((r) => r.types.includes(type));
}

/** Every type of the rungs above `type`'s; null when the type is not on the ladder; [] on the top rung. */
export function referralTargets(type: FacilityType): FacilityType[] | null {
  const k = referralRung(type);
  if (k < 0) return null;
  return REFERRAL_LADDER.slice(k + 1).flatMap((r) => r.types);
}

export interface ReferralPlaces {
  lon: Float64Array;
  lat: Float64Array;
}

/** Per "from" facility. */
export interface ReferralTimes {
  /** Minutes to the nearest "to" facility; Infinity when none is reached. */
  minutes: Float64Array;
  /** That facility's index in "to"; -1 when none. Of two equally near, the lower index. */
  target: Int32Array;
  model: 'road' | 'straight_line';
  /** "From" facilities over 5 km from every road (they reach nothing). */
  fromOffNetwork: number;
  /** "To" facilities over 5 km from every road (nobody reaches them). */
  toOffNetwork: number;
}

/**
 * On the roads, by car: each "to" facility enters the graph at its snapped node after its connector
 * time; one search on the reverse graph gives every node the time to its nearest "to" facility; a
 * "from" facility's time is its node's plus its own connector time (as a demand point's, coverage.ts).
 */
export function referralOnRoads(
  graph: RoadGraph,
  index: NodeIndex,
  from: ReferralPlaces,
  to: ReferralPlaces,
  connectorKmh: number = DEFAULT_CONNECTOR_KMH,
): ReferralTimes {
  const targets = snapPoints(graph, index, to.lon, to.lat, connectorKmh);
  const starts = snapPoints(graph, index, from.lon, from.lat, connectorKmh);
  const sources: FacilitySources = facilitySources(targets);
  const field = nearestFacility(graph, 'to_facility', sources);
  const n = from.lon.length;
  const minutes = new Float64Array(n);
  const target = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const k = starts.node[p]!;
    const t = k < 0 ? -1 : field.facility[k]!;
    target[p] = t;
    minutes[p] = t < 0 ? Infinity : (field.seconds[k]! + starts.seconds[p]!) / 60;
  }
  return { minutes, target, model: 'road', fromOffNetwork: starts.offNetwork, toOffNetwork: targets.offNetwork };
}

/** Without roads: the nearest "to" facility in a straight line, × detour ÷ the town or country speed of the "from" facility's place. */
export function referralStraightLine(from: ReferralPlaces & { urban: Uint8Array }, to: ReferralPlaces, model: FallbackModel = DEFAULT_FALLBACK): ReferralTimes {
  const t = straightLineTravel(to.lon, to.lat, from, model);
  return { minutes: t.minutes, target: t.facility, model: 'straight_line', fromOffNetwork: 0, toOffNetwork: 0 };
}

/** Within the threshold: at most that many minutes ("within 30 minutes" includes 30), on the unrounded time. */
export const referralWithin = (minutes: number, thresholdMinutes: number): boolean => minutes <= thresholdMinutes;

/** Per county (index < countyCount) and, at index countyCount, all facilities together. */
export interface ReferralSummary {
  facilities: Uint32Array;
  within: Uint32Array;
  /** No "to" facility reached (off the road, or no road to one). */
  unreachable: Uint32Array;
  /** The longest time among those that reach one (NaN when none does). */
  worstMinutes: Float64Array;
}

/** `county[p]`: the "from" facility's county index, -1 for none (it counts in the total only). */
export function summariseReferral(minutes: Float64Array, county: Int32Array, countyCount: number, thresholdMinutes: number): ReferralSummary {
  const facilities = new Uint32Array(countyCount + 1),
    within = new Uint32Array(countyCount + 1),
    unreachable = new Uint32Array(countyCount + 1);
  const worstMinutes = new Float64Array(countyCount + 1).fill(NaN);
  const add = (c: number, m: number) => {
    facilities[c]!++;
    if (referralWithin(m, thresholdMinutes)) within[c]!++;
    if (m === Infinity) unreachable[c]!++;
    else if (!(worstMinutes[c]! >= m)) worstMinutes[c] = m;
  };
  for (let p = 0; p < minutes.length; p++) {
    const c = county[p]!;
    if (c >= 0 && c < countyCount) add(c, minutes[p]!);
    add(countyCount, minutes[p]!);
  }
  return { facilities, within, unreachable, worstMinutes };
}

// ── The result, as the service returns it (referral.run, the CLI, the map) ──

export interface ReferralQuery {
  scenarioId: number;
  /** The facilities referred from. */
  from: FacilityType[];
  /** The facilities referred to; absent: for each "from" facility, every type above its rung of the ladder. */
  to?: FacilityType[] | undefined;
  thresholdMinutes: number;
  /** Facilities as of this year (规划项目 up to it applied); absent: the plan's target year. */
  year?: number | undefined;
  /** Only "from" facilities standing in these units (codes or exact names); the targets may be anywhere in the plan. */
  within?: string[] | undefined;
  /** 通行条件: free flow (平峰, absent) or the peak hour (高峰, conditions.ts). */
  conditions?: TravelConditions | undefined;
}

export interface ReferralFacilityOut {
  id: string;
  name: string;
  type: FacilityType;
  /** The unit it stands in, and that unit's county (区县) code, null when it has none. */
  unit: string;
  county: string | null;
  lon: number;
  lat: number;
  /** The nearest facility referred to (null when none is reached). */
  to: string | null;
  toName: string | null;
  toType: FacilityType | null;
  /** Minutes to it, rounded to 0.1; null when none is reached. */
  minutes: number | null;
  within: boolean;
}

export interface ReferralCountyOut {
  scope: 'region' | 'county';
  code: string;
  name: string;
  /** "From" facilities counted. */
  facilities: number;
  within: number;
  /** within ÷ facilities, 0–1; null with none. */
  share: number | null;
  /** The longest time among those that reach a target (rounded to 0.1), null when none does. */
  worstMinutes: number | null;
  unreachable: number;
}

export interface ReferralResultOut {
  model: 'road' | 'straight_line';
  modelNote: string;
  modelNoteEn: string;
  /** The query as run: `to` the types actually used (per "from" type when defaulted from the ladder). */
  query: ReferralQuery;
  /** The "to" types each "from" type was referred to. */
  targetsOf: Partial<Record<FacilityType, FacilityType[]>>;
  year: number;
  /** Worst first: those reaching no target, then the longest times. */
  facilities: ReferralFacilityOut[];
  /** The region (the whole plan, or the within-units) first, then each county with a facility counted, in the plan's order. */
  counties: ReferralCountyOut[];
  /** Every facility that could be referred to (for the map). */
  targets: { id: string; name: string; type: FacilityType; lon: number; lat: number }[];
  notes: string[];
  notesEn: string[];
  ms: number;
}
