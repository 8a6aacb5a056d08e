/**
 * What the 资源配置 screen keeps while the plan is open: the form as typed, the hand-set lines, the last
 * result and how the table was looked at (useKept: the client's memory, renderer/api, forgotten when
 * another plan is opened). The screen is unmounted when another tab is shown, and the planner expects
 * to come back to the same budget and result; another plan starts afresh.
 */
import type { AllocationOut } from '../../../shared/api/methods/allocation.ts';
import type { ApiArgs } from '../../../shared/api/contract.ts';
import { DEFAULT_M2_PER_BED, RESOURCES, type Resource } from '../../../shared/allocation/resources.ts';
import type { AllocationScope } from '../../../shared/allocation/scope.ts';
import type { Facility, Unit } from '../../../shared/model/entities.ts';
import { useKept as useKeptInClient } from '../../api/index.ts';

export type AllocationQueryIn = ApiArgs<'allocation.run'>;
export type Scope = AllocationScope;
export type MoneyUnit = 'wan' | 'yuan';

/** The form as typed (text, so that a half-typed number stays on screen). */
export interface FormState {
  budget: Record<Resource, string>;
  money: string;
  moneyUnit: MoneyUnit;
  costs: Record<Resource, string>;
  /** The level chosen by the planner; null: the level the set's targets are judged at (judgedScope). */
  scope: Scope | null;
  /** null until the plan's choice (gaps.settings) has been read. */
  standardId: string | null;
  year: string;
  m2PerBed: string;
}

/** A facility line set by hand (kept exactly when allocating again). */
export interface ManualLine {
  facility: string;
  resource: Resource;
  amount: number;
}

/** The last run: what was asked, the answer, and the data it was computed on. */
export interface RunRecord {
  query: AllocationQueryIn & { manual: ManualLine[] };
  result: AllocationOut;
  /** A fingerprint of the scenario's rows when it ran (dataSignature): another one means they were edited since. */
  signature: string | null;
  moneyUnit: MoneyUnit;
}

const none = () => Object.fromEntries(RESOURCES.map((r) => [r, ''])) as Record<Resource, string>;

export const EMPTY_FORM: FormState = {
  budget: none(),
  money: '',
  moneyUnit: 'wan',
  costs: none(),
  scope: null,
  standardId: null,
  year: '',
  m2PerBed: String(DEFAULT_M2_PER_BED),
};

/** useState that outlives the screen while the plan is open (the client's memory: another plan forgets it). */
export const useKept = <T>(key: string, initial: T) => useKeptInClient(`allocation.${key}`, initial);

// ---- numbers as typed ----

/** A number typed with or without thousands separators ("3,000", "3 000", "3000"); undefined when empty, NaN when not a number. */
export function parseNumber(text: string): number | undefined {
  const s = text.replace(/[,，\s_]/g, '');
  if (s === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

export const isWhole = (n: number) => Number.isInteger(n);

/** What is wrong with each field (by key: beds, money, cost.beds, year, m2PerBed), and the query when nothing is. */
export interface Checked {
  bad: Set<string>;
  /** No resource has a budget. */
  empty: boolean;
  query: Omit<AllocationQueryIn, 'scenarioId' | 'manual'> | null;
}

/** `judged`: judgedScope of the chosen set (null until it is read), the level used unless the planner chose one. */
export function checkForm(f: FormState, judged: Scope | null): Checked {
  const bad = new Set<string>();
  const budget: Record<string, number> = {};
  const costs: Record<string, number> = {};
  for (const r of RESOURCES) {
    const b = parseNumber(f.budget[r]);
    if (b !== undefined) {
      if (Number.isNaN(b) || !isWhole(b) || b > 1e9) bad.add(r);
      else budget[r] = b;
    }
    const c = parseNumber(f.costs[r]);
    if (c !== undefined) {
      if (Number.isNaN(c) || c > 1e12) bad.add(`cost.${r}`);
      else costs[r] = c;
    }
  }
  const empty = Object.keys(budget).length === 0;
  const m = parseNumber(f.money);
  let money: number | undefined;
  if (m !== undefined) {
    const yuan = f.moneyUnit === 'wan' ? Math.round(m * 10000 * 100) / 100 : m;
    if (Number.isNaN(m) || yuan > 1e13) bad.add('money');
    else money = yuan;
  }
  const y = f.year.trim();
  const year = Number(y);
  if (!/^\d{4}$/.test(y) || year < 2000 || year > 2100) bad.add('year');
  const a = parseNumber(f.m2PerBed);
  if (a !== undefined && (Number.isNaN(a) || a <= 0 || a > 1000)) bad.add('m2PerBed');
  const scope = f.scope ?? judged;
  if (bad.size > 0 || empty || !f.standardId || !scope) return { bad, empty, query: null };
  return {
    bad,
    empty,
    query: {
      budget: { ...budget, ...(money !== undefined ? { money } : {}) },
      standardId: f.standardId,
      year,
      scope,
      ...(Object.keys(costs).length ? { costs } : {}),
      ...(a !== undefined ? { m2PerBed: a } : {}),
    },
  };
}

/** The same question (hand-set lines aside)? */
export function sameQuery(a: Checked['query'], b: AllocationQueryIn | null): boolean {
  if (!a || !b) return false;
  const { manual: _m, scenarioId: _s, ...rest } = b;
  return JSON.stringify(a) === JSON.stringify(rest);
}

export const manualKey = (facility: string, resource: Resource) => `${facility}\u0000${resource}`;

/** The hand-set lines not yet allocated with: set, changed or reset since the last run. */
export function pendingCount(manual: readonly ManualLine[], ran: readonly ManualLine[] | undefined): number {
  const before = new Map((ran ?? []).map((m) => [manualKey(m.facility, m.resource), m.amount]));
  const now = new Map(manual.map((m) => [manualKey(m.facility, m.resource), m.amount]));
  let n = 0;
  for (const [k, v] of now) if (before.get(k) !== v) n++;
  for (const k of before.keys()) if (!now.has(k)) n++;
  return n;
}

/**
 * A fingerprint of the rows an allocation reads (FNV-1a over every unit and facility): the same after
 * a scenario is loaded again, different after any edit, undo or import. null while rows are loading.
 */
export function dataSignature(units: readonly Unit[] | null, facilities: readonly Facility[] | null): string | null {
  if (!units || !facilities) return null;
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  for (const u of units) add(JSON.stringify(u));
  for (const f of facilities) add(JSON.stringify(f));
  return `${units.length}:${facilities.length}:${(h >>> 0).toString(36)}`;
}
