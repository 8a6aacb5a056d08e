/** The contract's plan section (spread into API in ../contract.ts): creating, opening, copying and naming a plan file. */
import { z } from 'zod';
import type { FacilityType, UnitKind } from '../../model/kinds.ts';
import { method, None, Path } from '../schemas.ts';

export interface PlanCounts {
  unitsByKind: Partial<Record<UnitKind, number>>;
  facilitiesByType: Partial<Record<FacilityType, number>>;
  scenarios: number;
  /** Sum of the populations of the top-level units (or of all units that have no parent in the plan). */
  population: number;
}
export interface PlanInfo {
  path: string;
  name: string;
  /** Opened read-only, and why (another window holds the file, or the file cannot be written). */
  readOnly: boolean;
  readOnlyReason: string | null;
  /** The sample plan: the UI labels its data "示例数据 — 部分数值为估算". */
  isSample: boolean;
  schemaVersion: number;
  counts: PlanCounts;
  /** ISO time of the last committed write: every edit is saved when it is made. */
  savedAt: string | null;
}

export const PLAN_API = {
  'plan.new': method<PlanInfo>()(z.object({ path: Path, name: z.string().trim().min(1).max(200).optional() }), 'Create an empty plan file and open it.'),
  'plan.open': method<PlanInfo>()(z.object({ path: Path }), 'Open a plan file.'),
  'plan.openSample': method<PlanInfo>()(None, 'Open the sample plan, writing it first if it is not there.'),
  'plan.saveAs': method<PlanInfo>()(z.object({ path: Path }), 'Copy the open plan to a new file and continue there.'),
  'plan.info': method<PlanInfo>()(None, 'Counts and state of the open plan.'),
  'plan.rename': method<PlanInfo>()(z.object({ name: z.string().trim().min(1).max(200) }), 'Rename the plan.'),
} as const;
