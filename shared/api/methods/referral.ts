/** The contract's referral section (转诊可及性; spread into API in ../contract.ts): each facility's time to the nearest one a level up. */
import { z } from 'zod';
import { TRAVEL_CONDITIONS } from '../../access/conditions.ts';
import { REFERRAL_THRESHOLD_MINUTES, type ReferralResultOut } from '../../access/referral.ts';
import { FACILITY_TYPES } from '../../model/kinds.ts';
import { InScenario, Key, method, Year } from '../schemas.ts';

export const ReferralQuerySchema = InScenario.extend({
  /** The facilities referred from (乡镇卫生院, 社区卫生服务中心 …). */
  from: z.array(z.enum(FACILITY_TYPES)).min(1).max(FACILITY_TYPES.length),
  /** The facilities referred to; absent: every type above each one's own on the referral ladder (shared/access/referral.ts). */
  to: z.array(z.enum(FACILITY_TYPES)).min(1).max(FACILITY_TYPES.length).optional(),
  thresholdMinutes: z.number().positive().max(600).default(REFERRAL_THRESHOLD_MINUTES),
  /** Facilities as of this year (规划项目 applied); absent: the plan's target year. */
  year: Year.optional(),
  /** Only the facilities referred from that stand in these units (codes or exact names). */
  within: z.array(Key).max(1000).optional(),
  /** 通行条件: 平峰 (free flow) or 高峰 (the peak hour: speeds × the plan's peak factors). */
  conditions: z.enum(TRAVEL_CONDITIONS).default('free'),
});

export const REFERRAL_API = {
  'referral.run': method<ReferralResultOut>()(
    ReferralQuerySchema,
    "Travel time by car from each facility of the 'from' types to the nearest of the 'to' types (default: a level up the referral ladder), listed per facility and summarised per county against the threshold; on the plan's roads (on the worker), else in a straight line (said).",
  ),
} as const;
