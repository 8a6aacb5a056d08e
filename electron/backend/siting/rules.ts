/**
 * 选址方案的目标 kept per scenario: siting.apply records the rule the proposal was for (shared/siting/rule.ts)
 * in plan_meta under `scenario_rules:<id>` (a JSON list; copied and deleted with the scenario,
 * db/scenarios.ts), and the gap evaluation adds it to the standard set as an access target — unless
 * the set already has an access target with the same facility types and minutes, which then judges it.
 * A rule made for an area (开福区) is judged there only (inRuleAreas): its rows outside the area are left
 * out, and its region line is the area's.
 */
import type Database from 'better-sqlite3';
import { statusOf, type GapResult } from '../../../shared/gaps/result.ts';
import type { StandardSet } from '../../../shared/gaps/standard.ts';
import type { Unit } from '../../../shared/model/entities.ts';
import { SitingRuleSchema, withRules, type SitingRule } from '../../../shared/siting/rule.ts';
import { getMeta, setMeta } from '../db/meta.ts';
import { scenarioRulesKey } from '../db/scenarios.ts';

/** The scenario's rules, in the order they were made; anything unreadable is left out. */
export function scenarioRules(db: Database.Database, scenarioId: number): SitingRule[] {
  const json = getMeta(db, scenarioRulesKey(scenarioId));
  if (!json) return [];
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((x) => {
    const r = SitingRuleSchema.safeParse(x);
    return r.success ? [r.data] : [];
  });
}

/** Adds a rule to the scenario's (once: the same rule again replaces the first). */
export function addScenarioRule(db: Database.Database, scenarioId: number, rule: SitingRule): void {
  const rules = scenarioRules(db, scenarioId).filter((r) => r.id !== rule.id);
  setMeta(db, scenarioRulesKey(scenarioId), JSON.stringify([...rules, rule]));
}

/**
 * The set with the rules of the scenario — or of several (a comparison judges every scenario on the
 * union of their rules, so each rule's row has a value before and after) — appended as access targets.
 */
export function withScenarioRules(db: Database.Database, scenarioId: number | readonly number[], set: StandardSet): StandardSet {
  const ids = idsOf(scenarioId);
  const name = db.prepare('SELECT name FROM scenario WHERE id = ?').pluck();
  const rules = ids.flatMap((id) => {
    const list = scenarioRules(db, id);
    const scenario = list.length ? ((name.get(id) as string | undefined) ?? '') : '';
    return list.map((rule) => ({ rule, scenario }));
  });
  return rules.length ? withRules(set, rules) : set;
}

const idsOf = (scenarioId: number | readonly number[]) => (typeof scenarioId === 'number' ? [scenarioId] : scenarioId);

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/**
 * The rule's line for its whole area, from the rows of the units at the top of it: the one unit's own
 * figures, or the units' together — people reached = population − people still to reach (a rule asks
 * for everyone), summed.
 */
function areaLine(top: readonly GapResult[], name: string): GapResult {
  const first = top[0]!;
  const line = { ...first, scope: 'region' as const, code: 'region', parent: null, name };
  if (top.length === 1) return line;
  if (!top.every((x) => x.value !== null && x.shortfall !== null && x.population !== undefined)) {
    const status = top.some((x) => x.status === 'not_evaluated') ? 'not_evaluated' : 'missing_data';
    return {
      ...line,
      value: null,
      shortfall: null,
      status,
      missing: top.find((x) => x.status === status)?.missing,
      missingEn: top.find((x) => x.status === status)?.missingEn,
      population: undefined,
    };
  }
  const population = top.reduce((s, x) => s + x.population!, 0);
  const shortfall = top.reduce((s, x) => s + x.shortfall!, 0);
  const value = population > 0 ? round4((population - shortfall) / population) : 0;
  return { ...line, value, shortfall, population, status: statusOf(value, first.required ?? 1) };
}

/**
 * The results with those of each rule made for an area (开福区) kept to the area: a county or street/town
 * row when the unit or one above it is in the area, and as the region's line the area's own — named by
 * it, as the rule's name is — unless the area is the whole region. Other targets' results are untouched.
 */
export function inRuleAreas(db: Database.Database, scenarioId: number | readonly number[], units: readonly Unit[], results: GapResult[]): GapResult[] {
  const rules = new Map<string, SitingRule>();
  for (const id of idsOf(scenarioId)) for (const r of scenarioRules(db, id)) if (r.within.length) rules.set(r.id, r);
  if (!rules.size) return results;
  const parent = new Map(units.map((u) => [u.code, u.parent_code]));
  const inside = (area: ReadonlySet<string>, code: string) => {
    for (let c: string | null | undefined = code, n = 0; c && n < 64; c = parent.get(c), n++) if (area.has(c)) return true;
    return false;
  };
  const areas = new Map([...rules].map(([id, r]) => [id, new Set(r.within)]));
  const lines = new Map<string, GapResult | null>();
  for (const [id, rule] of rules) {
    const area = areas.get(id)!;
    const rows = results.filter((x) => x.target === id && x.scope !== 'region' && inside(area, x.code));
    const counties = results.filter((x) => x.target === id && x.scope === 'county');
    if (counties.length > 0 && counties.every((x) => inside(area, x.code))) continue; // the whole region: its own line
    const codes = new Set(rows.map((x) => x.code));
    const top = rows.filter((x) => !x.parent || !codes.has(x.parent));
    lines.set(id, top.length ? areaLine(top, rule.area.join('、')) : null);
  }
  const out: GapResult[] = [];
  const placed = new Set<string>();
  for (const x of results) {
    const area = areas.get(x.target);
    if (!area || !lines.has(x.target)) {
      out.push(x);
      continue;
    }
    const line = lines.get(x.target);
    const here = x.scope !== 'region' && inside(area, x.code);
    // The area's line where the region's stood (else before the area's first row).
    if (line && !placed.has(x.target) && (x.scope === 'region' || here)) {
      out.push(line);
      placed.add(x.target);
    }
    if (here) out.push(x);
  }
  return out;
}
