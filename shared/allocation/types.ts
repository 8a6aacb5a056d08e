/** The allocator's input and output (资源配置测算). Every amount is a whole number: beds and people are whole. */
import type { Said } from '../gaps/result.ts';
import type { FacilityType } from '../model/kinds.ts';
import type { Amounts, Resource } from './resources.ts';

/** 测算单位: a county (区县) or a street/town (街道/乡镇) the resources are shared among. */
export interface AllocationUnit {
  code: string;
  name: string;
}

/** The ratio target a need comes from (比例指标), enough to explain a line and cite its source. */
export interface NeedTarget {
  id: string;
  name: string;
  nameEn: string;
  /** value = Σ measure ÷ population × per, at least min. */
  per: number;
  min: number;
  /** 文号 and clause of the source, for the reason ("长政办发〔2021〕62号"). */
  document?: string;
  clause?: string;
  /** Only facilities of these types count toward the target (all when absent): only they can close it. */
  facilityTypes?: readonly FacilityType[];
}

/** 缺口: one unit's need of one resource against one target. */
export interface AllocationNeed {
  /** Index into AllocationInput.units. */
  unit: number;
  resource: Resource;
  /** Σ of the resource over the unit's facilities the target counts (unknown counted as 0). */
  current: number;
  /** The whole count that meets the target: ceil(min × population ÷ per). */
  required: number;
  /** max(0, required − current): the gap screen's shortfall for this target and unit. */
  shortfall: number;
  /** The population divided by, in the target year. */
  population: number;
  target: NeedTarget;
}

/** 机构: a facility that may receive resources. */
export interface AllocationFacility {
  id: string;
  name: string;
  /** Index into AllocationInput.units. */
  unit: number;
  type: FacilityType;
  /** What it holds now; a resource left out is 0. */
  current: Amounts;
  /** 业务用房面积 (m²): when known, beds are limited to floor(floorArea ÷ m² per bed). */
  floorArea?: number | null;
  /** Its own maximum per resource (核定床位, a decision …), beside the type caps; the lowest applies. */
  limits?: Amounts;
}

/**
 * An amount fixed before the allocation runs: to a facility (by id) or to a unit (by code) — one of the
 * two. As a commitment (已定项目) it is promised already; as a manual line (手工调整) the user set it.
 */
export interface FixedAmount {
  resource: Resource;
  amount: number;
  facility?: string;
  unit?: string;
}

/** The rules of where resources may go; each part replaces the default of the same resource. */
export interface AllocationRules {
  /** Facility types that may receive each resource (DEFAULT_ELIGIBLE). */
  eligible?: Partial<Record<Resource, readonly FacilityType[]>>;
  /** The most a facility of a type may hold of a resource (DEFAULT_TYPE_CAPS); a type left out has no cap. */
  typeCaps?: Partial<Record<Resource, Partial<Record<FacilityType, number>>>>;
  /** 床均业务用房面积 m² (DEFAULT_M2_PER_BED). */
  m2PerBed?: number;
}

/** 预算: how much of each resource there is to give (a resource left out is not allocated), and money in yuan. */
export type Budget = Amounts & { money?: number };

export interface AllocationInput {
  budget: Budget;
  /** Yuan per bed, physician … (单位成本); money constrains only the resources with a cost, and only when budget.money is given. */
  costs?: Amounts;
  units: readonly AllocationUnit[];
  needs: readonly AllocationNeed[];
  facilities: readonly AllocationFacility[];
  /** 已定项目: taken out of the budget first, counted in the unit's current (and the facility's). */
  commitments?: readonly FixedAmount[];
  /** Lines the user set by hand: kept exactly; the rest is allocated around them. */
  manual?: readonly FixedAmount[];
  rules?: AllocationRules;
}

/** Why a resource stopped being given: every closable shortfall closed, its budget, the money, no budget given, or no target asks for it. */
export type StopReason = 'closed' | 'budget' | 'money' | 'no_budget' | 'no_target';

/** One line of the result: a unit and resource (测算单位行), or a facility and resource (机构行). */
export interface AllocationLine {
  scope: 'unit' | 'facility';
  /** Unit code, or facility id. */
  code: string;
  name: string;
  /** The unit's code (its own on a unit line). */
  unitCode: string;
  resource: Resource;
  /** Unit line: what the target counts now; facility line: what the facility holds. */
  current: number;
  /** 已定项目 counted here. */
  committed: number;
  /** Given by this run (hand-set amounts included). */
  allocated: number;
  /** current + committed + allocated. */
  result: number;
  /** Unit lines: what is still missing after this run; facility lines: null. */
  remaining_shortfall: number | null;
  /** The amount was set by hand. */
  manual: boolean;
  reason: string;
  reasonEn: string;
}

/** still_needed for one resource. */
export interface StillNeeded {
  /** More of the resource that would close every remaining shortfall existing facilities can absorb. */
  budget: number;
  /** Shortfall no existing facility can absorb (type not allowed, limits reached): needs new facilities. */
  new_capacity: number;
}

export interface AllocationResult {
  /** Per unit (in unit order) its unit line per resource, each followed by its facilities' lines (facilities given nothing are left out). */
  lines: AllocationLine[];
  /** Totals given by this run (hand-set included) and committed, per resource. */
  allocated: Record<Resource, number>;
  committed: Record<Resource, number>;
  /** Budget left per resource (null where none was given) and money left (null without a money budget). */
  unspent: Record<Resource, number | null> & { money: number | null };
  /** Money spent by this run and the commitments (0 without costs). */
  spent_money: number;
  /** How much more would close the remaining shortfalls; money: the yuan for `budget` beyond what is unspent (null without costs). */
  still_needed: Record<Resource, StillNeeded> & { money: number | null };
  stopped: Record<Resource, StopReason>;
  /** What a reader must know: commitments over budget, unknown facilities, hand-set amounts over a limit. */
  warnings: Said[];
}
