/** A gap (差距): one target evaluated for one unit or facility, with its traffic light. */
import type { Scope, Target } from './standard.ts';

/**
 * met 达标 · near 接近 (within 10%) · short 不足 · missing_data 数据不全 · not_evaluated 未评估 (access, no
 * analysis) · not_due 未到期 (the target's own year is later: value and progress shown, no verdict) ·
 * reference 参考 (background the document states, not a target) · not_applicable 不适用 (the set's region
 * is not in the plan). Only met/near/short are verdicts; the last three keep what the verdict would be in `judged`.
 */
export type GapStatus = 'met' | 'near' | 'short' | 'missing_data' | 'not_evaluated' | 'not_due' | 'reference' | 'not_applicable';

/** Statuses that are a verdict on a target due now (counted as 达标/接近/不足 on every screen). */
export const VERDICTS: readonly GapStatus[] = ['met', 'near', 'short'];

export interface GapResult {
  /** The target's id in its standard set. */
  target: string;
  scope: Scope;
  /** Unit code, or facility id at facility scope; `region` for the whole region. */
  code: string;
  name: string;
  /** The unit one level up, for drilling down: county of a township, township of a facility. */
  parent: string | null;
  value: number | null;
  required: number | null;
  /** What is missing, in the target's natural unit (beds, people, facilities), rounded up; 0 when met. */
  shortfall: number | null;
  unit: string;
  status: GapStatus;
  /** For roll-ups (presence, per-facility): how many units/facilities meet it, of how many. */
  count?: { met: number; of: number };
  /** Which data is missing, when the status is missing_data (or data was partly missing); in Chinese and English. */
  missing?: string;
  missingEn?: string;
  /** Ratio targets: the population divided by, in the target year. */
  population?: number;
  /** The year the target is due (its own, else its set's). */
  due?: number;
  /** For not_due and reference rows: what the verdict would be if it were judged now (the progress). */
  judged?: GapStatus;
}

/** A text the engine says, in both languages. */
export interface Said {
  zh: string;
  en: string;
}

export interface GapReport {
  standard: string;
  year: number;
  targets: Target[];
  results: GapResult[];
  /** How the figures were made, where a reader must know (the region was not found, populations projected …). */
  notes: string[];
  notesEn: string[];
  /** The units the set was evaluated over (its `appliesTo`, or the region the planner applied it to); empty when not applicable. */
  region: { codes: string[]; name: string; applicable: boolean };
}

const EPS = 1e-9;

/** The traffic light for a value against a minimum: met, within 10%, or short. */
export function statusOf(value: number, required: number): GapStatus {
  if (value + EPS >= required) return 'met';
  if (value + EPS >= required * 0.9) return 'near';
  return 'short';
}

/** Roll-up status: everything met, at least 90% met, or less. */
export function statusOfCount(met: number, of: number): GapStatus {
  return of === 0 ? 'met' : statusOf(met / of, 1);
}
