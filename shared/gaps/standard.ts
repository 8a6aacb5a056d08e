/**
 * Standard sets (标准/指标体系): the targets of the policy documents as data. Each target is one of a
 * few kinds of rule — ratio to population, presence per unit, per-facility minimum, share of
 * facilities, access — and carries its source: document number, clause and the original wording.
 */
import { z } from 'zod';
import { FACILITY_COLUMNS } from '../model/columns.ts';
import { FACILITY_TYPES, UNIT_KINDS } from '../model/kinds.ts';
import { referralTargets } from '../access/referral.ts';

const numericFacilityFields = FACILITY_COLUMNS.filter((c) => c.type === 'int' || c.type === 'number').map((c) => c.key);
const conditionFields = FACILITY_COLUMNS.filter((c) => c.type !== 'text').map((c) => c.key);

/** A facility column holding a number (beds_open, physicians, gps …). */
export const Measure = z.enum(numericFacilityFields as [string, ...string[]]);
export const FacilityType = z.enum(FACILITY_TYPES);
export const UnitKind = z.enum(UNIT_KINDS);
/** Where a result stands: the whole region, a county (区县), a street/town (街道/乡镇), a facility. */
export const Scope = z.enum(['region', 'county', 'township', 'facility']);
export type Scope = z.infer<typeof Scope>;

export const Source = z.object({
  /** 文号, e.g. 长政办发〔2021〕62号; national references not confirmed carry `unverified`. */
  document: z.string().min(1),
  /** Where in it: 指标表第9行, §三(六)1 … */
  clause: z.string().min(1),
  /** The original Chinese wording of the target. */
  text: z.string().min(1),
});

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'lower-case letters, digits, _ . -'),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** For grouping on screens and slides: 床位, 人员, 基层机构, 中医药, 急救, 托育 … */
  group: z.string().min(1),
  /** 约束性 (binding) rather than 预期性 (expected). */
  binding: z.boolean().default(false),
  /** 待核实: the figure is not confirmed from an original document. */
  unverified: z.boolean().default(false),
  /** How the wording was read where it was ambiguous. */
  note: z.string().optional(),
  /**
   * The year this figure is due when it differs from the set's (a 2023 milestone in a 2024 plan, a 2030
   * horizon in a 2025 plan): before it the target is 未到期 (not yet due: value shown, no verdict).
   */
  year: z.number().int().min(2000).max(2100).optional(),
  /**
   * 参考: stated by the document as background (what was done, 发展基础) rather than as a target; shown
   * with its value and never counted among 不足.
   */
  reference: z.boolean().default(false),
  source: Source,
};

/** A facility condition for share targets: `tcm_hall == true`, `service_standard in [recommended]`, `beds_open >= 30`. */
export const Condition = z.object({
  field: z.enum(conditionFields as [string, ...string[]]),
  op: z.enum(['>=', '<=', '==', 'in']),
  value: z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]),
});
export type Condition = z.infer<typeof Condition>;

/** value = Σ measure over the facilities in scope ÷ population × per, at least `min`. */
export const RatioTarget = z.object({
  ...common,
  kind: z.literal('ratio'),
  measure: Measure,
  per: z.number().positive(),
  population: z.enum(['total', 'age_0_3', 'age_65_plus']).default('total'),
  min: z.number().nonnegative(),
  /** Only facilities of these types count (e.g. medical institutions for beds); all when absent. */
  facilityTypes: z.array(FacilityType).min(1).optional(),
  scopes: z.array(Scope.exclude(['facility'])).min(1),
  /** The natural unit of the measure: 张, 人, 辆, 个. */
  unit: z.string().min(1),
});

/**
 * Each unit of the given kinds has at least `min` facilities of the given types in it; or one per
 * `perPopulation` residents; plus `extra` above a population; or, for named units only, their own count.
 */
export const PresenceTarget = z.object({
  ...common,
  kind: z.literal('presence'),
  facilityTypes: z.array(FacilityType).min(1),
  unitKinds: z.array(UnitKind).min(1),
  min: z.number().int().nonnegative().default(1),
  perPopulation: z.number().int().positive().optional(),
  extraAbove: z.object({ population: z.number().int().positive(), extra: z.number().int().positive() }).optional(),
  /** Only these units (by name or code), each with its own minimum: 新桥河镇 1, 望城区 2 … */
  named: z
    .array(z.object({ unit: z.string().min(1), min: z.number().int().positive() }))
    .min(1)
    .optional(),
  unit: z.string().default('个'),
});

/** Every facility of the given types has measure ≥ min (or measure ÷ relativeTo ≥ min, a share). */
export const FacilityMinTarget = z.object({
  ...common,
  kind: z.literal('facility_min'),
  facilityTypes: z.array(FacilityType).min(1),
  measure: z.enum(conditionFields as [string, ...string[]]),
  min: z.number(),
  relativeTo: Measure.optional(),
  /**
   * The presence target (its id in the same set) that says how many such facilities there should be
   * (发热门诊 at each of the 2 named sub-centres): facilities still missing count as not meeting this one,
   * so the row shows "0 of 2" rather than vanishing when none exist yet.
   */
  expectedFrom: z.string().optional(),
  unit: z.string().min(1),
});

/** At least `min` (a share 0–1) of the facilities of the given types meet the condition. */
export const ShareTarget = z.object({
  ...common,
  kind: z.literal('share'),
  facilityTypes: z.array(FacilityType).min(1),
  condition: Condition,
  min: z.number().min(0).max(1),
  scopes: z.array(Scope.exclude(['facility', 'township'])).min(1),
  unit: z.string().default('个'),
});

/**
 * 占比 stated for a whole area (中高级职称人员占比达到33%, 本科以上学历占比达60%): Σ measure ÷ Σ relativeTo over
 * the facilities of the given types in the scope, at least `min`. Each facility's own share is listed
 * under it as detail, not as the verdict.
 */
export const PooledShareTarget = z.object({
  ...common,
  kind: z.literal('pooled_share'),
  facilityTypes: z.array(FacilityType).min(1),
  measure: Measure,
  relativeTo: Measure,
  min: z.number().min(0).max(1),
  scopes: z.array(Scope.exclude(['facility'])).min(1),
  unit: z.string().min(1),
});

/**
 * A number of facilities (of the given types, meeting `condition` when given) in the set's region:
 * "争取6家通过推荐标准", "建成10个中医阁". A count, not a share of however many there are.
 */
export const CountTarget = z.object({
  ...common,
  kind: z.literal('count'),
  facilityTypes: z.array(FacilityType).min(1),
  condition: Condition.optional(),
  min: z.number().int().positive(),
  unit: z.string().default('个'),
});

/** Travel-time coverage: evaluated by the access engine; until then reported as not evaluated. */
export const AccessTarget = z.object({
  ...common,
  kind: z.literal('access'),
  facilityTypes: z.array(FacilityType).min(1),
  urbanMinutes: z.number().positive(),
  ruralMinutes: z.number().positive(),
  /** 出行方式 per urban/rural point (shared/access/travel.ts): by car when not given. */
  travel: z.object({ urban: z.enum(['drive', 'walk']), rural: z.enum(['drive', 'walk']) }).optional(),
  /** Share of the population to be covered (1 = everyone). */
  min: z.number().min(0).max(1).default(1),
  scopes: z.array(Scope.exclude(['facility'])).min(1),
  unit: z.string().default('人'),
});

/**
 * 转诊可及性: at least `min` (a share 0–1) of the facilities of `fromTypes` reach the nearest one of `toTypes`
 * (absent: every type above each one's own on the referral ladder, shared/access/referral.ts) within
 * `minutes` by car. Evaluated by the referral analysis (referral.run); until then reported as not evaluated.
 * No seed document states one: a planner's own set does.
 */
export const ReferralTarget = z.object({
  ...common,
  kind: z.literal('referral'),
  fromTypes: z.array(FacilityType).min(1),
  toTypes: z.array(FacilityType).min(1).optional(),
  minutes: z.number().positive(),
  /** Share of the "from" facilities to be within the minutes (1 = every one). */
  min: z.number().min(0).max(1).default(1),
  scopes: z.array(Scope.exclude(['facility', 'township'])).min(1),
  unit: z.string().default('所'),
});

export const Target = z.discriminatedUnion('kind', [
  RatioTarget,
  PresenceTarget,
  FacilityMinTarget,
  ShareTarget,
  PooledShareTarget,
  CountTarget,
  AccessTarget,
  ReferralTarget,
]);
export type Target = z.infer<typeof Target>;
export type TargetInput = z.input<typeof Target>;

export const StandardSet = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    /** The year the targets are for (a plan may evaluate them at another year). */
    year: z.number().int().min(2000).max(2100),
    /** The units the set applies to (names or codes, e.g. 长沙市); the whole plan when absent. */
    appliesTo: z.array(z.string().min(1)).optional(),
    documents: z.array(z.object({ number: z.string().min(1), title: z.string().min(1) })).min(1),
    note: z.string().optional(),
    targets: z.array(Target).min(1),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    for (const [i, t] of s.targets.entries()) {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'id'], message: `duplicate target id ${t.id}` });
      seen.add(t.id);
    }
    for (const [i, t] of s.targets.entries()) {
      if (t.kind !== 'facility_min' || t.expectedFrom === undefined) continue;
      if (!s.targets.some((x) => x.id === t.expectedFrom && x.kind === 'presence')) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'expectedFrom'],
          message: `expectedFrom must name a presence target of the set, not ${t.expectedFrom}`,
        });
      }
    }
    // A referral target's "to" types: given and apart from the "from" types, or the ladder's (a "from" type on it, not at its top).
    for (const [i, t] of s.targets.entries()) {
      if (t.kind !== 'referral') continue;
      if (t.toTypes) {
        const both = t.toTypes.filter((x) => t.fromTypes.includes(x));
        if (both.length) ctx.addIssue({ code: 'custom', path: ['targets', i, 'toTypes'], message: `types both referred from and to: ${both.join(', ')}` });
        continue;
      }
      const off = t.fromTypes.filter((x) => !referralTargets(x)?.length);
      if (off.length)
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'toTypes'],
          message: `toTypes needed: ${off.join(', ')} ${off.length === 1 ? 'is' : 'are'} off the referral ladder or on its top rung`,
        });
    }
  });
export type StandardSet = z.infer<typeof StandardSet>;
export type StandardSetInput = z.input<typeof StandardSet>;

/** A set as listed for choosing: shipped sets are read-only, the plan's own can be edited. */
export interface StandardSummary {
  id: string;
  name: string;
  nameEn: string;
  year: number;
  builtin: boolean;
  targets: number;
  documents: string[];
}
