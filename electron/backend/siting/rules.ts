/**
 * 选址方案的目标 kept per scenario: siting.apply records the rule the proposal was for (shared/siting/rule.ts)
 * in plan_meta under `scenario_rules:<id>` (a JSON list; copied and deleted with the scenario,
 * db/scenarios.ts), and the gap evaluation adds it to the standard set as an access target — unless
 * the set already has an access target with the same facility types and minutes, which then judges it.
 * A rule made for an area (开福区) is judged there only: its rows outside the area are left out
 * (inRuleAreas), the region's too unless the area is the whole region.
 */
import type Database from 'better-sqlite3';
import type { GapResult } from '../../../shared/gaps/result.ts';
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
  try { list = JSON.parse(json); } catch { return []; }
  if (!Array.isArray(list)) return [];
  return list.flatMap((x) => { const r = SitingRuleSchema.safeParse(x); return r.success ? [r.data] : []; });
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
    const scenario = list.length ? (name.get(id) as string | undefined) ?? '' : '';
    return list.map((rule) => ({ rule, scenario }));
  });
  return rules.length ? withRules(set, rules) : set;
}

const idsOf = (scenarioId: number | readonly number[]) => (typeof scenarioId === 'number' ? [scenarioId] : scenarioId);

/**
 * The results with those of each rule that has an area kept to the area: a county or street/town row
 * when the unit or one above it is in the area; the region row only when every county row of the rule is
 * (the area is the whole region). Other targets' results are untouched.
 */
export function inRuleAreas(db: Database.Database, scenarioId: number | readonly number[], units: readonly Unit[], results: GapResult[]): GapResult[] {
  const areas = new Map<string, Set<string>>();
  for (const id of idsOf(scenarioId)) for (const r of scenarioRules(db, id)) if (r.within.length) areas.set(r.id, new Set(r.within));
  if (!areas.size) return results;
  const parent = new Map(units.map((u) => [u.code, u.parent_code]));
  const inside = (area: Set<string>, code: string) => {
    for (let c: string | null | undefined = code, n = 0; c && n < 64; c = parent.get(c), n++) if (area.has(c)) return true;
    return false;
  };
  const wholeRegion = new Map<string, boolean>();
  for (const [id, area] of areas) {
    const counties = results.filter((x) => x.target === id && x.scope === 'county');
    wholeRegion.set(id, counties.length > 0 && counties.every((x) => inside(area, x.code)));
  }
  return results.filter((x) => {
    const area = areas.get(x.target);
    if (!area) return true;
    return x.scope === 'region' ? wholeRegion.get(x.target)! : inside(area, x.code);
  });
}
