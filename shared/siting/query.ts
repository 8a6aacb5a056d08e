/**
 * 设施选址 as the service takes and answers it (the CLI's JSON, the map's siting panel): the question,
 * the proposed sites with the people each newly covers, coverage before and after per unit, and the
 * proof of quality (bound, optimal).
 */
import type { DemandDescription } from '../access/demand.ts';
import type { TravelModel } from '../access/result.ts';
import type { TravelConditions } from '../access/conditions.ts';
import type { TravelModes } from '../access/travel.ts';
import type { FacilityType } from '../model/kinds.ts';
import type { SitingModel } from './solve.ts';

/** A candidate site given by the planner (a list, or clicks on the map). */
export interface CandidateSiteIn {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

export interface SitingQuery {
  scenarioId: number;
  model: SitingModel;
  /** What would be built: 120 急救站, 县域医疗次中心 … */
  type: FacilityType;
  /** The existing facilities that count as fixed (the new type's kind of facility: stations for stations, hospitals for sub-centres). */
  existingTypes: FacilityType[];
  /** New sites (MCLP, p-median). */
  k: number;
  urbanMinutes: number;
  ruralMinutes: number;
  /** 'from': from the site to the place (ambulances); 'to': residents to the site. */
  direction: 'from' | 'to';
  dispatchMinutes: number;
  /** 出行方式 per urban/rural point: by car, or on foot (no dispatch on foot). */
  travel: TravelModes;
  /** p-median: a longer trip, or none, counts as this many minutes. */
  cutoffMinutes: number;
  /** The area in question (unit codes, e.g. 开福区): its people are the demand and generated/upgraded sites stand in it. Empty: the whole plan. */
  within: string[];
  /** Units where no site may go (a protected area, a district already served by another plan). */
  exclude: string[];
  candidates: {
    /** The planner's sites. */
    sites: CandidateSiteIn[];
    /** Existing facilities of these types may be upgraded in place (a central THC to a sub-centre). */
    upgrade: FacilityType[];
    /** Generated sites: road nodes (grid points without roads) on this spacing, in metres, inside the area; null for none. */
    generateMeters: number | null;
  };
  /** People a new site can serve (MCLP), or null for no limit. */
  capacity: number | null;
  /** 'auto': the exact MIP when the instance is small enough; 'always'; 'never' (the heuristic with its bound). */
  exact: 'auto' | 'always' | 'never';
  timeLimitSeconds: number;
  /** The year: existing facilities and upgrade candidates as of it (规划项目 up to it applied), populations of it; absent: the plan's target year. */
  year?: number;
  /** 通行条件: sited at free flow (平峰, absent) or the peak hour (高峰); the proposal is then evaluated under the other too. */
  conditions?: TravelConditions;
  /** 'worse': site under the worse of the two (the peak hour, whatever `conditions` says). */
  siteFor?: 'worse';
}

/** The proposal (existing facilities and the chosen sites) under one travel condition: people within their threshold. */
export interface SitingConditionOut {
  conditions: TravelConditions;
  coveredBefore: number;
  coveredAfter: number;
  /** Everyone in the area within their threshold with the proposal (the rule met in full). */
  meetsRule: boolean;
  /** People covered under the condition sited for but not under this one. */
  lost: number;
}

export type SiteSource = 'list' | 'upgrade' | 'generated';

export interface ProposedSite {
  /** The planner's id, the facility's id (upgrade), or G1, G2 … (generated). */
  id: string;
  name: string;
  lon: number;
  lat: number;
  source: SiteSource;
  /** The street/town (街道/乡镇) it stands in. */
  township: { code: string; name: string } | null;
  /** People it brings within their threshold who were not (counted once, at the nearest new site). */
  newlyCovered: number;
  /** People for whom it is the nearest facility (p-median); as newlyCovered otherwise. */
  served: number;
}

export interface SitingUnitOut {
  scope: 'region' | 'county' | 'township';
  code: string;
  name: string;
  parent: string | null;
  population: number;
  coveredBefore: number;
  coveredAfter: number;
}

export interface SitingPointOut {
  code: string;
  name: string;
  township: string | null;
  lon: number;
  lat: number;
  population: number;
  urban: boolean;
  /** Minutes to/from the nearest existing facility, and with the proposal (null: none within reach). */
  minutesBefore: number | null;
  minutesAfter: number | null;
  coveredBefore: boolean;
  /** With capacities: at least half its people served by a new site. */
  coveredAfter: boolean;
  /** Index into `chosen` of the new site that covers (p-median: serves) it, or -1. */
  site: number;
}

export interface SitingResultOut {
  query: SitingQuery;
  model: SitingModel;
  travelModel: TravelModel;
  modelNote: string;
  modelNoteEn: string;
  /** The year evaluated. */
  year: number;
  /** How the demand was formed (points, remainders), said beside the model note. */
  demand: DemandDescription;
  chosen: ProposedSite[];
  /** Candidate sites considered (after merging those on one road node), for the map: at most 5,000 drawn. */
  candidateCount: number;
  candidates: { lon: number; lat: number; source: SiteSource }[];
  /** People in the area, and within their threshold before and after. */
  totalPopulation: number;
  coveredBefore: number;
  coveredAfter: number;
  /** People no existing facility and no candidate reaches within their threshold. */
  unreachable: number;
  /** p-median: mean minutes to the nearest facility (trips capped at the cutoff), before and after. */
  meanMinutesBefore: number | null;
  meanMinutesAfter: number | null;
  /** MCLP: people newly covered; LSCP: new sites; p-median: people × seconds. */
  objective: number;
  /** Proven: no answer does better than this (MCLP: covers more; LSCP: fewer sites; p-median: less). */
  bound: number;
  /** |bound − objective| ÷ the larger: 0.004 = within 0.4 % of the optimum. */
  gap: number;
  optimal: boolean;
  solver: 'greedy+swap' | 'highs';
  units: SitingUnitOut[];
  points: SitingPointOut[];
  /** The condition the sites were chosen under (absent in results made before conditions: free flow). */
  conditions?: TravelConditions;
  /** Under the condition sited for: whether everyone is within their threshold with the proposal. */
  meetsRule?: boolean;
  /** The same proposal under the other condition (平峰 ↔ 高峰): does it still meet the rule? */
  other?: SitingConditionOut;
  notes: string[];
  notesEn: string[];
  ms: number;
}
