/** The contract's allocation methods (资源配置测算; spread into API in ../contract.ts). */
import { z } from 'zod';
import type { AllocationTotals } from '../../allocation/reconcile.ts';
import type { AllocationResult } from '../../allocation/types.ts';
import type { Target } from '../../gaps/standard.ts';
import type { Scenario } from '../../model/entities.ts';
import type { FileOut } from '../schemas.ts';
import { InScenario, Key, method, Name, SetId, Year } from '../schemas.ts';

const Amount = z.number().int().min(0).max(1e9);
const Resource = z.enum(['beds', 'physicians', 'nurses', 'gps', 'ambulances']);
const Amounts = z.object({ beds: Amount, physicians: Amount, nurses: Amount, gps: Amount, ambulances: Amount }).partial().strict();
const Fixed = z
  .object({ resource: Resource, amount: Amount, facility: Key.optional(), unit: Key.optional() })
  .refine((f) => (f.facility === undefined) !== (f.unit === undefined), '给出机构编码或单位代码之一 / give a facility id or a unit code, one of the two');

export const AllocationQuery = InScenario.extend({
  /** 预算: resources to share out, and money in yuan. */
  budget: Amounts.extend({ money: z.number().min(0).max(1e13).optional() }),
  standardId: SetId.optional(),
  year: Year.optional(),
  /** Share across counties (区县) or streets/towns (街道/乡镇); default: the level the set's targets are judged at (judgedScope). */
  scope: z.enum(['county', 'township']).optional(),
  /** Yuan per bed, physician …; money binds only with these. */
  costs: z
    .object({ beds: z.number().min(0), physicians: z.number().min(0), nurses: z.number().min(0), gps: z.number().min(0), ambulances: z.number().min(0) })
    .partial()
    .strict()
    .optional(),
  commitments: z.array(Fixed).max(10_000).default([]),
  manual: z.array(Fixed).max(10_000).default([]),
  m2PerBed: z.number().positive().max(1000).optional(),
});

export interface AllocationOut extends AllocationResult {
  standard: string;
  standardName: string;
  standardNameEn: string;
  year: number;
  scenario: string;
  scope: 'county' | 'township';
  /** The level the set's ratio targets are judged at (the default scope). */
  judgedScope: 'county' | 'township';
  /** Per resource, the totals against the gap screen's region line and what to say about them; `still_needed` is restated at the region. */
  totals: AllocationTotals;
  budget: z.output<typeof AllocationQuery>['budget'];
  /** The targets the needs came from (for the sources sheet). */
  targets: Target[];
  /** Targets left out, units without a population; in Chinese and English. */
  notes: string[];
  notesEn: string[];
}

export const ALLOCATION_API = {
  'allocation.run': method<AllocationOut>()(
    AllocationQuery,
    "Share budgets of beds, physicians, nurses, GPs, ambulances (and money) across units and their facilities to close the ratio targets' shortfalls, worst first, within facility limits; every line explained.",
  ),
  'allocation.export': method<FileOut>()(
    AllocationQuery,
    'The allocation as the workbook a 卫健委 sends upward (.xlsx): summary, by unit, by facility, projects by year, sources of the targets.',
  ),
  'allocation.apply': method<Scenario>()(
    InScenario.extend({
      name: Name,
      /** Given: each facility's additions go in as an expansion project (扩建, 规划项目) of that year rather than into the facilities table. */
      year: Year.optional(),
      lines: z
        .array(z.object({ facility: Key, resource: Resource, amount: z.number().int().min(-1e6).max(1e6) }))
        .min(1)
        .max(200_000),
    }),
    "A new scenario (a copy of scenarioId) with each facility's resource raised by its line's amount (or, with a year, an expansion project of that year per facility); one transaction.",
  ),
} as const;
