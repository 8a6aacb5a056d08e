/**
 * 汇报材料: what a briefing shows, as data — the standing of every target for the region and by county
 * (the gap engine's own results), coverage by travel time with a map, the proposals (the scenario's
 * changes and their cost), the projects by year and the phased programme. The dashboard, the presentation mode, the PDF
 * pages and the PPTX deck all draw this one model with the gap screen's own wording, so a figure on a
 * slide is the figure in the gap table and the workbook.
 */
import type { GroupCoverage, WorstGroup } from '../access/groups.ts';
import type { ScenarioChanges } from '../compare/compare.ts';
import type { BriefProgramme } from './programme.ts';
import type { GapResult } from '../gaps/result.ts';
import type { ProjectLine } from '../timeline/lines.ts';
import type { Target } from '../gaps/standard.ts';

/** A shape of the map: a street/town's outline (SVG path in the map's own coordinates) or, without a boundary, a dot at its centre. */
export interface BriefShape {
  code: string;
  name: string;
  d: string | null;
  cx: number;
  cy: number;
  r: number;
}
/** How lon/lat become the map's coordinates (equirectangular at the middle latitude): x = margin + (lon − minLon)·k·scale, y = margin + (maxLat − lat)·scale. */
export interface BriefMapFrame {
  minLon: number;
  maxLat: number;
  k: number;
  scale: number;
  margin: number;
}
export interface BriefMap {
  width: number;
  height: number;
  /** The projection the paths were drawn in (for other layers: the service areas). */
  frame?: BriefMapFrame;
  shapes: BriefShape[] /** County outlines, drawn over the streets/towns. */;
  counties: { name: string; d: string; cx: number; cy: number }[];
}

/** Coverage by travel time (an access target of the set, else the 1030 rule) in one scenario. */
export interface BriefCoverage {
  scenario: string;
  population: number;
  covered: number;
  /** Covered share 0–1 by street/town code. */
  byTownship: Record<string, number>;
  /** Share of the population within 5, 10, … 60 minutes (cumulative). */
  curve: { minutes: number; share: number }[];
  /**
   * 服务范围 of the run: its urban and rural limits as SVG paths in the map's coordinates (svg-map.ts's
   * areaPaths), the widest first, with their people; absent when the run drew none (no roads, no map).
   */
  areas?: { minutes: number; population: number; d: string; label: string }[];
}

export interface BriefAccess {
  /** The target evaluated (null: the 1030 rule, as no target of the set is an access one). */
  target: string | null;
  label: string;
  urbanMinutes: number;
  ruralMinutes: number;
  modelNote: string;
  after: BriefCoverage;
  /** In the scenario compared with. */
  before: BriefCoverage | null;
}

/**
 * 谁被落下: one access analysis split by group — each access target the gap screen evaluates (else the
 * coverage slide's 1030 rule) — its access result's own groups (shared/access/groups.ts), not run again.
 */
export interface BriefEquity {
  /** The target (null: the 1030 rule of the coverage slide). */
  target: string | null;
  label: string;
  urbanMinutes: number;
  ruralMinutes: number;
  /** The region's groups: everyone, urban, rural, then 0–3 and 65+ where the plan has them. */
  groups: GroupCoverage[];
  /** The groups worst served (the counties' lowest shares), with the people left out. */
  worst: WorstGroup[];
  /** The same groups in the scenario compared with. */
  before: GroupCoverage[] | null;
  /** How the groups were formed (the age bands apportioned …), in the language asked. */
  note: string;
}

/** One scenario's standing: the region's result for every target and each county's. */
export interface BriefStanding {
  scenario: string;
  region: GapResult[];
  counties: GapResult[];
}

/** The proposals: what the scenario changed against the one compared with (facilities added, removed, changed) and their cost at the plan's prices — the comparison's own figures (shared/compare). */
export interface BriefProposals {
  against: string;
  changes: ScenarioChanges;
  unitNames: Record<string, string>;
}

export interface Brief {
  planName: string;
  /** The sample plan: every page says its figures are partly estimated. */
  sample: boolean;
  /** ISO date the brief was made. */
  date: string;
  standard: { id: string; name: string; year: number };
  targets: Target[];
  /** The scenario presented, and the one it is compared with (the "before"), if any. */
  current: BriefStanding;
  compare: BriefStanding | null;
  counts: { population: number; counties: number; townships: number; facilities: number };
  access: BriefAccess | null;
  /** 谁被落下: covered share by group for each access target (absent or empty: none). */
  equity?: BriefEquity[];
  map: BriefMap | null;
  proposals: BriefProposals | null;
  /** 规划项目 by year (the scenario's), as table lines. */
  projects: ProjectLine[];
  /** The 分年度实施计划 the scenario was written from (programme.apply), read against its projects; null (or absent) when none. */
  programme?: BriefProgramme | null;
  /** How the figures were made (populations projected, the region not found …), in the language asked. */
  notes: string[];
}
