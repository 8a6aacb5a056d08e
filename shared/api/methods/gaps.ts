/** The contract's gaps section (spread into API in ../contract.ts): the plan measured against a standard set. */
import { z } from 'zod';
import type { GapResult, GapStatus } from '../../gaps/result.ts';
import { Scope, type Target } from '../../gaps/standard.ts';
import { type FileOut, Format, InScenario, method, None, SetId, Year } from '../schemas.ts';

/** The units (codes or names) a set written for another region is applied to, as the planner chose. */
const AppliedTo = z.array(z.string().min(1).max(100)).min(1).max(50);
const GapQuery = InScenario.extend({
  standardId: SetId.optional(),
  year: Year.optional(),
  level: Scope.optional(),
  onlyShort: z.boolean().default(false),
  /** Apply the set to these units of the plan in place of the region it names (absent: the plan's choice, else the set's). */
  region: AppliedTo.optional(),
});

/** Which standard set a plan is measured against, for which year, and (a set written for another region) applied to which units. */
export interface GapSettings {
  standardId: string;
  year: number;
  region?: string[];
}
export interface GapReportOut {
  standard: string;
  standardName: string;
  year: number;
  scenario: string;
  targets: Target[];
  results: GapResult[];
  /** What a reader must know about how the figures were made (region not found, population projected …). */
  notes: string[];
  notesEn: string[];
  /** The units the set was evaluated over and their name; `applicable` false when its region is not in the plan. */
  region: { codes: string[]; name: string; applicable: boolean };
  /**
   * The facilities judged: the region's as of the report's year (规划项目 of that year or before applied — a
   * closed one gone, a new one there, a relocated one in its new unit), each with its unit. A street's
   * drill-down lists these, not the scenario's present rows. Sent with a report that reaches the facility level
   * (no `level`, or `facility`); absent otherwise.
   */
  facilities?: GapFacilityOut[];
}
/**
 * The map's street/town colouring (gaps.statuses): gaps.evaluate at township scope — the same evaluation,
 * the same statuses — without the figures, names and notes the map does not draw (a province's report is
 * 2.35 MB of JSON; this is the targets and one status per street/town and target).
 */
export interface GapStatusesOut {
  standard: string;
  year: number;
  /** The targets evaluated at street/town level, in the set's order. */
  targets: { id: string; name: string; nameEn: string }[];
  /** The streets/towns with a result for at least one of them. */
  codes: string[];
  /** By target id: the status of each of `codes`, in order; null where the target gave that unit no result. */
  statuses: Record<string, (GapStatus | null)[]>;
}
/** A facility as the gap report judged it in its year. */
export interface GapFacilityOut {
  id: string;
  name: string;
  type: string;
  unit_code: string;
}

export const GAPS_API = {
  'gaps.settings': method<GapSettings>()(None, 'The standard set and target year the plan uses.'),
  'gaps.setSettings': method<GapSettings>()(
    z.object({ standardId: SetId, year: Year, region: AppliedTo.optional() }),
    'Choose the standard set and target year (and, for a set written for another region, the units to apply it to).',
  ),
  'gaps.evaluate': method<GapReportOut>()(
    GapQuery,
    "Every target evaluated for the scenario (the plan's set and year unless given); onlyShort keeps results with a shortfall.",
  ),
  'gaps.statuses': method<GapStatusesOut>()(
    GapQuery.omit({ level: true, onlyShort: true }),
    "The statuses of gaps.evaluate at street/town level (the plan's set and year unless given), compactly: for colouring a map.",
  ),
  'gaps.export': method<FileOut>()(
    GapQuery.extend({ format: Format }),
    "The same gaps as a sheet (.xlsx or .csv) with Chinese headers and every target's source.",
  ),
} as const;
