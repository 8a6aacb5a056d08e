/** The contract's programme methods (分年度实施计划; spread into API in ../contract.ts). */
import { z } from 'zod';
import type { GapStatus } from '../../gaps/result.ts';
import { FACILITY_TYPES } from '../../model/kinds.ts';
import type { Scenario } from '../../model/entities.ts';
import { PROJECT_KINDS } from '../../timeline/project.ts';
import type { ProgrammeAction, ProgrammeObjective, UnscheduledWhy } from '../../programme/types.ts';
import { type FileOut, InScenario, Key, Lat, Lon, method, Name, SetId, Year } from '../schemas.ts';
import { CellValue } from '../schemas.ts';

/** 万元, never negative; up to a trillion yuan. */
const Wan = z.number().finite().min(0).max(1e8);
const ActionId = z.string().trim().min(1).max(120);
const Staff = z
  .object({ physicians: z.number().int().min(0), nurses: z.number().int().min(0), gps: z.number().int().min(0), health_technicians: z.number().int().min(0) })
  .partial()
  .strict();

/** What the planner says of a candidate: decided for a year, not before a year, after other actions; or its cost. */
export const ActionRuleSchema = z
  .object({
    action: ActionId,
    fixedYear: Year.optional(),
    notBefore: Year.optional(),
    after: z.array(ActionId).max(50).optional(),
    /** 投资估算 (万元) for this candidate, replacing the one found. */
    cost: Wan.optional(),
    /** Leave this candidate out of the programme. */
    exclude: z.boolean().optional(),
    /** 必做 (done within the range, the year chosen) or optional (done only if it closes a gap); the scenario's own projects are 必做 by default. */
    required: z.boolean().optional(),
  })
  .strict();

/** A candidate the planner adds (an action no project, siting or allocation gives). */
export const OwnActionSchema = z
  .object({
    id: ActionId,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(PROJECT_KINDS),
    facility_id: Key.optional(),
    type: z.enum(FACILITY_TYPES).nullable().optional(),
    lon: Lon.nullable().optional(),
    lat: Lat.nullable().optional(),
    unit_code: Key.nullable().optional(),
    facility_name: z.string().max(200).nullable().optional(),
    deltas: z.record(z.string(), z.number()).optional(),
    fields: z.record(z.string(), CellValue).optional(),
    cost: Wan.nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
    responsible_unit: z.string().max(200).nullable().optional(),
  })
  .strict();

export const ProgrammeQuery = InScenario.extend({
  standardId: SetId.optional(),
  fromYear: Year,
  toYear: Year,
  /** Each year's money, 万元 (a year not listed has none). */
  money: z.array(z.object({ year: Year, amount: Wan })).max(100),
  /** Unspent money carries over to the next year (结转). */
  carryOver: z.boolean().default(false),
  /** At most this many recruits a year, by category (none: no limit). */
  staff: Staff.optional(),
  candidates: z
    .object({
      /**
       * The scenario's own 计划 projects of fromYear–toYear in the set's region: 必做 (placed first, as far as the
       * money allows; kept in their own year where nothing argues for another). 在建/完工 ones, earlier ones and
       * those outside the range or the region stay as they are.
       */
      projects: z.boolean().default(true),
      /** A siting proposal: each chosen site a 新建 (or, source upgrade, 升级) of the type. */
      siting: z
        .object({
          type: z.enum(FACILITY_TYPES),
          sites: z
            .array(z.object({ id: Key, name: z.string().trim().min(1).max(200), lon: Lon, lat: Lat, source: z.enum(['list', 'upgrade', 'generated']) }))
            .max(5000),
        })
        .optional(),
      /** An allocation's lines: each facility's additions one 扩建. */
      allocation: z
        .object({
          lines: z
            .array(
              z.object({ facility: Key, resource: z.enum(['beds', 'physicians', 'nurses', 'gps', 'ambulances']), amount: z.number().int().min(0).max(1e6) }),
            )
            .max(200_000),
        })
        .optional(),
      own: z.array(OwnActionSchema).max(5000).default([]),
    })
    .default({ projects: true, own: [] }),
  rules: z.array(ActionRuleSchema).max(10_000).default([]),
  /** Prices (元) replacing the plan's 造价标准 for this run: per bed, physician … and per new facility of a type. */
  costs: z
    .object({
      perUnit: z.record(z.string(), z.number().min(0)).optional(),
      perFacility: z.record(z.string(), z.number().min(0)).optional(),
    })
    .strict()
    .optional(),
  timeLimitSeconds: z.number().min(0.1).max(600).optional(),
});
export type ProgrammeQueryIn = z.input<typeof ProgrammeQuery>;
export type ProgrammeQueryOut = z.output<typeof ProgrammeQuery>;

/** A candidate as the programme shows it. */
export interface ProgrammeActionOut extends Omit<ProgrammeAction, 'project' | 'staff'> {
  staff: ProgrammeAction['staff'];
}

export interface ProgrammeYearOut {
  year: number;
  /** This year's money (万元). */
  money: number;
  /** What may be spent this year: its money, plus what earlier years left when carried over. */
  available: number;
  spent: number;
  actions: ProgrammeActionOut[];
  /** Recruits used and allowed, by category (only the limited ones). */
  staff: Partial<Record<string, { used: number; limit: number }>>;
}

export interface ProgrammeUnscheduled extends ProgrammeActionOut {
  why: UnscheduledWhy;
  whyText: string;
  whyTextEn: string;
}

export interface ProgrammeCell {
  value: number | null;
  shortfall: number | null;
  status: GapStatus;
}

/** One target's region line year by year, with the programme (by_year: the gap engine on the scenario it writes) and without it (before). */
export interface ProgrammeTarget {
  target: string;
  name: string;
  nameEn: string;
  binding: boolean;
  unit: string;
  scope: 'region';
  code: 'region';
  /** The first year of the range it is met in (null: not within it). */
  met_year: number | null;
  met_year_before: number | null;
  by_year: Record<string, ProgrammeCell>;
  before: Record<string, ProgrammeCell>;
  /** In the optimisation: false for access targets (each year would need its own road-network run) and 参考 rows. */
  modelled: boolean;
  /** Not met in the last year: whether the candidates could meet it with more money (null: not found within the time limit), and at least what they would cost (万元). */
  unmet?: { reachable: boolean | null; minCost: number | null; text: string; textEn: string };
}

export interface ProgrammeOut {
  standard: string;
  standardName: string;
  standardNameEn: string;
  scenario: string;
  scenarioId: number;
  region: string;
  fromYear: number;
  toYear: number;
  carryOver: boolean;
  years: ProgrammeYearOut[];
  unscheduled: ProgrammeUnscheduled[];
  targets: ProgrammeTarget[];
  objective: ProgrammeObjective;
  /** Proven bounds (no programme does better) on the binding and expected parts. */
  bound: { binding: number; expected: number };
  /** (objective − bound) ÷ objective of the first part (必做, binding, expected, cost, years moved) not proven optimal; 0 when optimal. */
  gap: number;
  optimal: boolean;
  solver: 'highs' | 'greedy';
  candidates: number;
  /** Years whose fixed actions cost more than the money available: what is missing (万元); the programme keeps them and says so. */
  moneyMissing?: { year: number; amount: number }[];
  notes: string[];
  notesEn: string[];
  ms: number;
}

/** A programme kept with a scenario it wrote (实施计划): its years and money, for the workbook and the briefing. */
export interface StoredProgramme {
  standardId: string;
  fromYear: number;
  toYear: number;
  carryOver: boolean;
  money: { year: number; amount: number }[];
  /** The projects it placed, by their project number in the scenario, with their year and cost. */
  placed: { project: number; action: string; year: number; cost: number }[];
  /** As the run said (absent when apply was given none). */
  objective: ProgrammeObjective | null;
  gap: number | null;
  optimal: boolean | null;
  written: string;
}

export const PROGRAMME_API = {
  'programme.run': method<ProgrammeOut>()(
    ProgrammeQuery,
    "分年度实施计划: place candidate actions (the scenario's planned projects, a siting proposal's sites, an allocation's expansions, the planner's own) in years so that binding targets, then the others, are met soonest (population-weighted shortfall summed over the years), then at least cost, within each year's money (carry-over optional) and recruits; fixed years, not-before years and dependencies kept; solved with HiGHS (proven bound and gap); each year's figures by the gap engine on the scenario it would write.",
  ),
  'programme.export': method<FileOut>()(
    ProgrammeQuery,
    'The programme as its own workbook (.xlsx): by year, actions, targets by year before and after, unscheduled, notes.',
  ),
  'programme.apply': method<Scenario>()(
    InScenario.extend({
      name: Name,
      query: ProgrammeQuery,
      /** The schedule to write (as programme.run gave it): each action's year. */
      schedule: z.array(z.object({ action: ActionId, year: Year })).max(20_000),
      /** What the run said of it, kept with the scenario (the briefing and workbook quote it). */
      result: z
        .object({
          objective: z.object({ binding: z.number(), expected: z.number(), cost: z.number() }),
          gap: z.number(),
          optimal: z.boolean(),
        })
        .optional(),
    }),
    "A new scenario (a copy of scenarioId) with the programme as projects of their years: the scenario's planned candidates moved to their year (those left out removed), new ones added; the programme's years and money kept with it (programme.get); one transaction.",
  ),
  'programme.get': method<StoredProgramme | null>()(InScenario, 'The programme a scenario was written from (its years, money and placed projects), or null.'),
} as const;
