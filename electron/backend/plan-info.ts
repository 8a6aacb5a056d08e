/** The summary of an open plan: counts of units by kind, facilities by type, scenarios, population. */
import type { PlanCounts, PlanInfo } from '../../shared/api/contract.ts';
import { BASELINE_SCENARIO_ID } from '../../shared/model/entities.ts';
import { FACILITY_TYPE_LABELS, UNIT_KIND_LABELS, type FacilityType, type UnitKind } from '../../shared/model/kinds.ts';
import { getMeta } from './db/meta.ts';
import type { PlanDb } from './db/plan-file.ts';
import path from 'node:path';

type Label = { zh: string; en: string };

/**
 * A unit kind's name, or — for a kind this version does not know (a plan written by a newer version,
 * or edited by hand) — 未知类型（xyz）: the plan is still read, the kind counted under its own name.
 */
export function unitKindLabel(kind: string): Label {
  const l = Object.hasOwn(UNIT_KIND_LABELS, kind) ? UNIT_KIND_LABELS[kind as UnitKind] : undefined;
  return l ? { zh: l.zh, en: l.en } : { zh: `未知类型（${kind}）`, en: `unknown kind (${kind})` };
}

/** A facility type's name, or 未知类型（xyz） for a type this version does not know. */
export function facilityTypeLabel(type: string): Label {
  const l = Object.hasOwn(FACILITY_TYPE_LABELS, type) ? FACILITY_TYPE_LABELS[type as FacilityType] : undefined;
  return l ? { zh: l.zh, en: l.en } : { zh: `未知类型（${type}）`, en: `unknown type (${type})` };
}

/** Counts by kind and by type, each under the name stored in the plan (known to this version or not). */
export function planCounts(p: PlanDb, scenarioId = BASELINE_SCENARIO_ID): PlanCounts {
  const db = p.db;
  const byKind = db.prepare('SELECT kind, count(*) n FROM unit WHERE scenario_id = ? GROUP BY kind').all(scenarioId) as { kind: string; n: number }[];
  const byType = db.prepare('SELECT type, count(*) n FROM facility WHERE scenario_id = ? GROUP BY type').all(scenarioId) as { type: string; n: number }[];
  const scenarios = db.prepare('SELECT count(*) FROM scenario').pluck().get() as number;
  return {
    unitsByKind: Object.fromEntries(byKind.map((r) => [r.kind, r.n])),
    facilitiesByType: Object.fromEntries(byType.map((r) => [r.type, r.n])),
    scenarios,
    population: totalPopulation(p, scenarioId),
  };
}

/**
 * The region's population: each top unit's own figure, or where it has none, the sum of its children's
 * (recursively). Units whose parent is not in the plan count as top units.
 */
export function totalPopulation(p: PlanDb, scenarioId: number): number {
  const rows = p.db.prepare('SELECT code, parent_code, population FROM unit WHERE scenario_id = ?').all(scenarioId) as {
    code: string;
    parent_code: string | null;
    population: number | null;
  }[];
  const codes = new Set(rows.map((r) => r.code));
  const children = new Map<string, typeof rows>();
  for (const r of rows) {
    if (r.parent_code && codes.has(r.parent_code)) {
      const list = children.get(r.parent_code) ?? [];
      list.push(r);
      children.set(r.parent_code, list);
    }
  }
  const pop = (r: (typeof rows)[number]): number => r.population ?? (children.get(r.code) ?? []).reduce((s, c) => s + pop(c), 0);
  return rows.filter((r) => !r.parent_code || !codes.has(r.parent_code)).reduce((s, r) => s + pop(r), 0);
}

export function planInfo(p: PlanDb, savedAt: string | null): PlanInfo {
  return {
    path: p.path,
    name: getMeta(p.db, 'name') ?? path.basename(p.path, '.hplan'),
    readOnly: p.readOnly,
    readOnlyReason: p.readOnlyReason,
    isSample: getMeta(p.db, 'is_sample') === 'true',
    schemaVersion: p.db.pragma('user_version', { simple: true }) as number,
    counts: planCounts(p),
    savedAt,
  };
}
