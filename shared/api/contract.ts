/**
 * The service contract: every method once, with the zod schema of its arguments and the type of its
 * result. The backend implements it; the Electron IPC handler, the HTTP door, the CLI and the renderer
 * client are derived from it. Arguments are validated where they enter the Node side.
 *
 * The methods are declared in sections, one file each in methods/ (app, plan, scenarios, rows, edits,
 * sheets, standards, gaps, populations, access, siting, roads, timeline, compare, allocation, briefing, check),
 * built from the pieces in schemas.ts; this file only assembles them into API and derives the types.
 * Nothing in methods/ imports this file (test/unit/dependencies.test.ts).
 */
import type { z } from 'zod';
import { ACCESS_API } from './methods/access.ts';
import { ALLOCATION_API } from './methods/allocation.ts';
import { PROGRAMME_API } from './methods/programme.ts';
import { REFERRAL_API } from './methods/referral.ts';
import { APP_API } from './methods/app.ts';
import { BRIEFING_API } from './methods/briefing.ts';
import { CHECK_API } from './methods/check.ts';
import { COMPARE_API } from './methods/compare.ts';
import { EDITS_API } from './methods/edits.ts';
import { GAPS_API } from './methods/gaps.ts';
import { PLAN_API } from './methods/plan.ts';
import { POPULATIONS_API } from './methods/populations.ts';
import { ROADS_API } from './methods/roads.ts';
import { ROWS_API } from './methods/rows.ts';
import { SCENARIOS_API } from './methods/scenarios.ts';
import { SHEETS_API } from './methods/sheets.ts';
import { SITING_API } from './methods/siting.ts';
import { STANDARDS_API } from './methods/standards.ts';
import { TIMELINE_API } from './methods/timeline.ts';
import { TYPES_API } from './methods/types.ts';

// Every type a section exports is importable from here too, so a caller (renderer, CLI, tests) needs
// one import path; the sections keep them beside their methods (test/contract/exports.test.ts checks).
export type { AppStatus } from './methods/app.ts';
export type { PlanCounts, PlanInfo } from './methods/plan.ts';
export type { EditRef, EditState } from './methods/edits.ts';
export type { GapFacilityOut, GapReportOut, GapSettings, GapStatusesOut } from './methods/gaps.ts';
export type { ImportCounts } from './methods/populations.ts';
export type { AccessJobOut } from './methods/access.ts';
export type { CandidateSheetOut, SitingJobOut } from './methods/siting.ts';
export type {
  BBox,
  BoundaryFeature,
  BoundaryFeatureCollection,
  BoundaryGeometry,
  BoundaryImportReport,
  BoundarySummary,
  PeakFactorsOut,
  RoadFeature,
  RoadFeatureCollection,
  RoadSummary,
} from './methods/roads.ts';
export type { FacilitiesAtOut, ProjectImportReport, ProjectOut, TimelineSummary, TimelineYear } from './methods/timeline.ts';
export type { CompareOut, CostTable } from './methods/compare.ts';
export type { AllocationOut } from './methods/allocation.ts';
export type {
  ProgrammeActionOut,
  ProgrammeCell,
  ProgrammeOut,
  ProgrammeQueryIn,
  ProgrammeQueryOut,
  ProgrammeTarget,
  ProgrammeUnscheduled,
  ProgrammeYearOut,
  StoredProgramme,
} from './methods/programme.ts';
export type { CheckCounts, CheckFinding, CheckOut } from './methods/check.ts';
export type { BuiltInTypeOut, TypeAliasesOut, TypeAliasOut } from './methods/types.ts';
export type { ColumnMapping, MappingProposal, ProposedColumn, RememberedMappingOut, SheetInspectOut, SheetKind } from './methods/sheets.ts';
export type { FileOut } from './schemas.ts';
export type { FeatureProblem, ImportProblem, ImportReport } from '../model/issues.ts';
export type { RoadImportReport } from '../access/road-report.ts';
export type { ErrorCode, ApiErrorData } from './errors.ts';
export type { Reply } from './reply.ts';
export type { HealthPlanBridge } from './bridge.ts';

export const API = {
  ...APP_API,
  ...PLAN_API,
  ...SCENARIOS_API,
  ...ROWS_API,
  ...EDITS_API,
  ...SHEETS_API,
  ...STANDARDS_API,
  ...GAPS_API,
  ...POPULATIONS_API,
  ...ACCESS_API,
  ...REFERRAL_API,
  ...SITING_API,
  ...ROADS_API,
  ...TIMELINE_API,
  ...COMPARE_API,
  ...ALLOCATION_API,
  ...PROGRAMME_API,
  ...BRIEFING_API,
  ...CHECK_API,
  ...TYPES_API,
} as const;

export type ApiMethod = keyof typeof API;
export const API_METHODS = Object.keys(API) as ApiMethod[];
/** What a caller passes (defaults may be left out). */
export type ApiArgs<M extends ApiMethod> = z.input<(typeof API)[M]['args']>;
/** What the service receives, after validation and defaults. */
export type ApiParsedArgs<M extends ApiMethod> = z.output<(typeof API)[M]['args']>;
export type ApiResult<M extends ApiMethod> = (typeof API)[M]['result'];

/** The service, as the backend implements it. */
export type PlannerService = { [M in ApiMethod]: (args: ApiParsedArgs<M>) => ApiResult<M> | Promise<ApiResult<M>> };
/** One entry point, as every door and the renderer see it. */
export type Invoke = <M extends ApiMethod>(method: M, args: ApiArgs<M>) => Promise<ApiResult<M>>;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(API, name);
}
