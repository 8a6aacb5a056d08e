/**
 * 选址方案的目标: the rule a siting proposal was made for — which facilities must reach (or be reached by)
 * the people of an area within how many minutes in town and in the country — kept with the scenario
 * the proposal became (生成新情景), and judged on the gap screen as an access target so that the screen
 * the planner is sent to shows what the proposal was for. Pure: the backend stores the rules per
 * scenario (electron/backend/siting/rules.ts), the renderer finds the row to show.
 *
 * Entry points:
 * - `ruleOfQuery(q, areaNames)`: the rule of a siting question;
 * - `ruleTarget(rule, scenarioName)`: the rule as an access target of the gap engine;
 * - `judgedBy(set, rule)`: the set's own access target with the same types and minutes, if any;
 * - `withRules(set, rules)`: the set with the rules it does not already judge appended.
 */
import { z } from 'zod';
import { targetSettings } from '../access/presets.ts';
import { AccessTarget as AccessTargetSchema, type StandardSet, type Target } from '../gaps/standard.ts';
import { FACILITY_TYPE_LABELS, FACILITY_TYPES, type FacilityType } from '../model/kinds.ts';

type AccessTarget = Extract<Target, { kind: 'access' }>;

const Mode = z.enum(['drive', 'walk']);
const Travel = z.object({ urban: Mode, rural: Mode });
type Travel = z.infer<typeof Travel>;

export const SitingRuleSchema = z.object({
  /** Its target id on the gap screen (the same rule has the same id in every scenario). */
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/),
  /** The type that was sited (新建/升级为). */
  type: z.enum(FACILITY_TYPES),
  /** The facilities whose nearest one counts: the existing ones kept fixed, and the new type. */
  types: z.array(z.enum(FACILITY_TYPES)).min(1),
  urbanMinutes: z.number().positive(),
  ruralMinutes: z.number().positive(),
  /** 'from': from the facility to the place (ambulances); 'to': residents to the facility. */
  direction: z.enum(['from', 'to']),
  dispatchMinutes: z.number().min(0),
  /** 出行方式, when the question named one (by car otherwise). */
  travel: Travel.optional(),
  /** The area (unit codes) and its names when the proposal was made; empty: the whole plan. */
  within: z.array(z.string()),
  area: z.array(z.string()),
  /** The proposal went in as projects (规划项目) of this year. */
  year: z.number().int().optional(),
});
export type SitingRule = z.infer<typeof SitingRuleSchema>;

/** What of a siting question the rule keeps (the travel modes when the question has them). */
export interface RuleQuestion {
  type: FacilityType;
  existingTypes: readonly FacilityType[];
  urbanMinutes: number;
  ruralMinutes: number;
  direction: 'from' | 'to';
  dispatchMinutes: number;
  within: readonly string[];
  travel?: Travel | undefined;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable id for a rule. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const byPlanOrder = (types: Iterable<FacilityType>) => {
  const s = new Set(types);
  return FACILITY_TYPES.filter((t) => s.has(t));
};
const isDrive = (t: Travel | undefined) => !t || (t.urban === 'drive' && t.rural === 'drive');

/** The rule of a siting question; `areaNames`: the names of its area's units, in order. */
export function ruleOfQuery(q: RuleQuestion, areaNames: readonly string[], year?: number): SitingRule {
  const existing = q.existingTypes.length ? q.existingTypes : [q.type];
  const types = byPlanOrder([...existing, q.type]);
  const within = [...q.within];
  const travel = isDrive(q.travel) ? undefined : { urban: q.travel!.urban, rural: q.travel!.rural };
  const key = JSON.stringify([types, q.urbanMinutes, q.ruralMinutes, q.direction, q.dispatchMinutes, travel ?? null, [...within].sort()]);
  const id = `siting-${q.type}-${q.urbanMinutes}-${q.ruralMinutes}-${hash(key)}`.toLowerCase();
  return {
    id,
    type: q.type,
    types,
    urbanMinutes: q.urbanMinutes,
    ruralMinutes: q.ruralMinutes,
    direction: q.direction,
    dispatchMinutes: q.dispatchMinutes,
    ...(travel ? { travel } : {}),
    within,
    area: within.map((c, i) => areaNames[i] ?? c),
    ...(year !== undefined ? { year } : {}),
  };
}

const sameTypes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The set's own access target with the rule's facility types and minutes: the set already judges it. */
export function judgedBy(set: Pick<StandardSet, 'targets'>, rule: Pick<SitingRule, 'types' | 'urbanMinutes' | 'ruralMinutes'>): AccessTarget | undefined {
  return set.targets.find(
    (t): t is AccessTarget =>
      t.kind === 'access' && sameTypes(t.facilityTypes, rule.types) && t.urbanMinutes === rule.urbanMinutes && t.ruralMinutes === rule.ruralMinutes,
  );
}

const WALK = { zh: '步行', en: 'on foot ' };
function minutesIn(r: SitingRule, lang: 'zh' | 'en'): string {
  const u = r.travel?.urban === 'walk' ? WALK[lang] : '',
    c = r.travel?.rural === 'walk' ? WALK[lang] : '';
  if (lang === 'en') {
    return r.urbanMinutes === r.ruralMinutes && u === c
      ? `${u}${r.urbanMinutes} min`
      : `${u}${r.urbanMinutes} min in town / ${c}${r.ruralMinutes} min in the country`;
  }
  return r.urbanMinutes === r.ruralMinutes && u === c ? `城乡${u}${r.urbanMinutes}分钟` : `城镇${u}${r.urbanMinutes}分钟/农村${c}${r.ruralMinutes}分钟`;
}

function areaIn(r: SitingRule, lang: 'zh' | 'en'): string {
  if (!r.area.length) return '';
  if (r.area.length <= 2) return r.area.join(lang === 'en' ? ', ' : '、');
  return lang === 'en' ? `${r.area[0]} and ${r.area.length - 1} more` : `${r.area[0]}等${r.area.length}地`;
}

/**
 * The rule as an access target: scopes region, county and township, everyone to be covered (the
 * siting's own aim), its source the proposal in `scenarioName`. Where the gap engine's analysis of an
 * access target (shared/access/presets targetSettings: from the station for 120 stations, else to the
 * facility; no dispatch time) differs from the question's, the note says so.
 */
export function ruleTarget(r: SitingRule, scenarioName: string): AccessTarget {
  const typesZh = r.types.map((t) => FACILITY_TYPE_LABELS[t].zh).join('、');
  const typesEn = r.types.map((t) => FACILITY_TYPE_LABELS[t].en).join(', ');
  const area = areaIn(r, 'zh'),
    areaEn = areaIn(r, 'en');
  const reach =
    r.direction === 'from'
      ? `从${typesZh}出发，城镇${r.urbanMinutes}分钟、农村${r.ruralMinutes}分钟内到达${area || '全域'}的每个村（社区）`
      : `${area || '全域'}的居民在城镇${r.urbanMinutes}分钟、农村${r.ruralMinutes}分钟内到达最近的${typesZh}`;
  const how = [
    r.dispatchMinutes > 0 ? `含出车准备${r.dispatchMinutes}分钟` : '',
    r.travel ? `城镇${r.travel.urban === 'walk' ? '步行' : '车行'}、农村${r.travel.rural === 'walk' ? '步行' : '车行'}` : '',
    r.year !== undefined ? `新设施按${r.year}年规划项目计入` : '',
  ]
    .filter(Boolean)
    .join('，');
  const text = `本方案在${area || '全域'}为${FACILITY_TYPE_LABELS[r.type].zh}选址，目标是${reach}${how ? `（${how}）` : ''}。`;

  const shell = { facilityTypes: r.types, urbanMinutes: r.urbanMinutes, ruralMinutes: r.ruralMinutes, ...(r.travel ? { travel: r.travel } : {}) };
  const judged = targetSettings(shell);
  const differs: string[] = [];
  if (judged.direction !== r.direction) differs.push(judged.direction === 'from' ? '按从站点出发计算' : '按居民前往机构计算');
  if (r.dispatchMinutes > 0 && judged.dispatchMinutes !== r.dispatchMinutes) differs.push('未计出车准备时间');
  const judgedTravel = (judged as { travel?: Travel }).travel;
  if (!isDrive(r.travel) && isDrive(judgedTravel)) differs.push('按车行计算');
  const note = differs.length ? `差距分析${differs.join('、')}，与选址时的设定不同。` : undefined;

  const input = {
    ...shell,
    id: r.id,
    kind: 'access',
    name: `${area ? `${area} ` : ''}${typesZh} ${minutesIn(r, 'zh')} 覆盖（选址方案的目标）`,
    nameEn: `${areaEn ? `${areaEn}: ` : ''}${typesEn} within ${minutesIn(r, 'en')} (the siting proposal's aim)`,
    group: '设施选址方案',
    binding: false,
    unverified: false,
    ...(note ? { note } : {}),
    source: { document: '本方案设施选址', clause: scenarioName.trim() || '选址方案', text }, // a scenario name is never empty; a name being typed may be
    min: 1,
    scopes: ['region', 'county', 'township'],
    unit: '人',
  };
  // Parsed, so that the target has every field (and default) the schema gives an access target.
  return AccessTargetSchema.parse(input) as AccessTarget;
}

/**
 * The set with each rule it does not already judge (judgedBy) appended as an access target, each
 * rule once; `rules`: the rule and the name of the scenario it belongs to.
 */
export function withRules(set: StandardSet, rules: readonly { rule: SitingRule; scenario: string }[]): StandardSet {
  const added: AccessTarget[] = [];
  const ids = new Set(set.targets.map((t) => t.id));
  for (const { rule, scenario } of rules) {
    if (ids.has(rule.id) || judgedBy(set, rule)) continue;
    ids.add(rule.id);
    added.push(ruleTarget(rule, scenario));
  }
  return added.length ? { ...set, targets: [...set.targets, ...added] } : set;
}
