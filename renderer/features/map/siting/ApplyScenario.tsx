/**
 * 生成新情景…: the proposal into a new scenario (a copy of the one analysed, with the new facilities
 * and the upgraded ones retyped; one transaction), then the app switches to it — the gap screen and the
 * map follow the active scenario. The question goes with it: its rule (选址方案的目标: the types, the
 * minutes, the area) is kept with the scenario and judged on the gap screen and in comparisons. Read-only
 * plans: disabled, with why. After the switch a line says where the scenario came from and what it aims
 * at, and 在差距分析中查看 opens the gap screen on the rule's row, at the area the question was about.
 */
import { useState } from 'react';
import type { Unit } from '../../../../shared/model/entities.ts';
import { UNIT_KIND_LEVEL } from '../../../../shared/model/kinds.ts';
import type { SitingResultOut } from '../../../../shared/siting/query.ts';
import { judgedBy, ruleOfQuery, ruleTarget, type SitingRule } from '../../../../shared/siting/rule.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { enumLabel } from '../../../ui/i18n/labels.ts';
import { useAppActions, useAppData } from '../../../ui/state/AppContext.tsx';
import { useUi } from '../../../ui/state/UiContext.tsx';
import { useRemember } from '../../../ui/state/useRemembered.ts';
import type { GapSelection } from '../../../ui/state/types.ts';
import { PlannedYear, plannedYearArg, type PlannedYearValue } from '../../../ui/scenarios/PlannedYear.tsx';
import { useScenarioName } from '../../../ui/scenarios/ScenarioSwitcher.tsx';
import { NewScenarioDialog, useApplied, useNewScenario } from '../../../ui/scenarios/NewScenario.tsx';
import { ToProgramme } from './ToProgramme.tsx';

/**
 * The scenario last made here and its rule, for the line shown once the app is in it: in the plan's
 * screen memory, read (not kept as state) by AppliedNote, which ApplyScenario does not re-render.
 */
const APPLIED = 'siting.applied';
interface Applied {
  id: number;
  name: string;
  rule: SitingRule;
}

/** The rule of the shown result (the names of its area from the plan's units), as the service will keep it. */
function useRule(r: SitingResultOut, year?: number): SitingRule {
  const { units } = useAppData();
  return ruleOfQuery(
    r.query,
    r.query.within.map((c) => units?.find((u) => u.code === c)?.name ?? c),
    year,
  );
}

/**
 * Where on the gap screen the rule is judged: the area's county (and street/town) as the path drilled
 * into, that place's row picked; an area of several units or the whole plan: the region.
 */
function gapPlace(rule: SitingRule, units: readonly Unit[] | null): { path: string[]; at?: Pick<GapSelection, 'scope' | 'code'> } {
  const unit = rule.within.length === 1 ? units?.find((u) => u.code === rule.within[0]) : undefined;
  if (!unit || !units) return { path: [] };
  const chain: Unit[] = [];
  for (let u: Unit | undefined = unit, n = 0; u && n < 16; u = units.find((x) => x.code === u!.parent_code), n++) chain.unshift(u);
  const path = chain.filter((u) => UNIT_KIND_LEVEL[u.kind] === 1 || UNIT_KIND_LEVEL[u.kind] === 2);
  const last = path.at(-1);
  return last ? { path: path.map((u) => u.code), at: { scope: UNIT_KIND_LEVEL[last.kind] === 1 ? 'county' : 'township', code: last.code } } : { path: [] };
}

/** The name offered (made free of the scenarios' names by the dialog). */
function useDefaultName(r: SitingResultOut): string {
  const { t, lang } = useLang();
  const { units } = useAppData();
  const names = r.query.within.map((c) => units?.find((u) => u.code === c)?.name ?? c);
  const area = names.length <= 2 ? names.join('、') : t('map.siting.areaMany', { first: names[0], n: names.length, more: names.length - 1 });
  const upgradeOnly = r.chosen.length > 0 && r.chosen.every((s) => s.source === 'upgrade');
  const base = t('map.siting.name', {
    where: area ? t('map.siting.where', { area }) : '',
    verb: t(upgradeOnly ? 'map.siting.verbUp' : 'map.siting.verbNew'),
    n: r.chosen.length,
    type: enumLabel('facilityType', r.query.type, lang),
  }).slice(0, 90);
  return base;
}

export function ApplyScenario({ result }: { result: SitingResultOut }) {
  const { t, lang } = useLang();
  const { scenarios, status } = useAppData();
  const { invoke } = useAppActions();
  const nameOf = useScenarioName();
  const initial = useDefaultName(result);
  const [planned, setPlanned] = useState<PlannedYearValue>({ on: false, year: new Date().getFullYear() + 1 });
  const readOnly = !!status?.plan?.readOnly;
  const from = nameOf(scenarios.find((s) => s.id === result.query.scenarioId));
  const rule = useRule(result, planned.on ? planned.year : undefined);
  const dialog = useNewScenario<Applied>({
    key: APPLIED,
    apply: (name) => {
      const sites = result.chosen.map(({ id, name: n, lon, lat, source }) => ({ id, name: n, lon, lat, source }));
      // The question without its candidate sites: the rule is what the service keeps of it.
      const query = { ...result.query, candidates: undefined };
      return invoke('siting.apply', { scenarioId: result.query.scenarioId, name, type: result.query.type, sites, query, ...plannedYearArg(planned) });
    },
    remember: (s) => ({ id: s.id, name: s.name, rule }),
    done: (name) => t('map.siting.applied', { name }),
  });
  const aim = dialog.asking ? ruleTarget(rule, dialog.name) : null;

  const type = enumLabel('facilityType', result.query.type, lang);
  const upgrades = result.chosen.filter((c) => c.source === 'upgrade').length;
  const what = [
    result.chosen.length > upgrades ? t('map.siting.applyNew', { n: result.chosen.length - upgrades, type }) : '',
    upgrades ? t('map.siting.applyUp', { n: upgrades, type }) : '',
  ]
    .filter(Boolean)
    .join(t('map.siting.applyAnd'));

  return (
    <div className="siting-apply">
      <button
        type="button"
        className="btn primary"
        onClick={() => dialog.open(initial)}
        disabled={readOnly || result.chosen.length === 0}
        data-testid="siting-apply"
        title={readOnly ? t('map.siting.readOnly') : undefined}
      >
        {t('map.siting.apply')}
      </button>
      {readOnly && (
        <span className="siting-hint" data-testid="siting-apply-readonly">
          {t('map.siting.readOnly')}
        </span>
      )}
      <ToProgramme result={result} />
      <NewScenarioDialog state={dialog} title={t('map.siting.applyTitle')} label={t('map.siting.applyLabel')} testId="siting-apply-dialog">
        <PlannedYear value={planned} onChange={setPlanned} />
        <p className="field-hint" data-testid="siting-apply-hint">
          {t('map.siting.applyHint', { from, what })}
        </p>
        {aim && (
          <p className="field-hint" data-testid="siting-apply-rule">
            {t('map.siting.applyRule', { rule: lang === 'en' ? aim.nameEn : aim.name })}
          </p>
        )}
      </NewScenarioDialog>
    </div>
  );
}

/** Brings the picked target's line of the gap screen's overview into view once the report is drawn (its group is the last). */
function showWhenDrawn(target: string): void {
  const start = Date.now();
  const look = () => {
    const item = document.querySelector(`[data-testid=gaps-summary] [data-testid=gap-summary-item][data-target="${CSS.escape(target)}"]`);
    const waited = Date.now() - start;
    // Until it is drawn: at most 30 s, and only while the planner stays on the gap screen.
    if (item) item.scrollIntoView({ block: 'nearest' });
    else if (waited < 30_000 && (waited < 2_000 || document.querySelector('[data-testid=gaps-view]'))) setTimeout(look, 100);
  };
  setTimeout(look, 0);
}

/**
 * Shown in a scenario made here: where it came from and the rule it aims at, and the way to the gap
 * screen on that rule's row — the set's own target when the plan's set already judges the same rule.
 */
export function AppliedNote() {
  const { t, lang } = useLang();
  const { scenarioId, units } = useAppData();
  const { invoke } = useAppActions();
  const { setTab } = useUi();
  const remember = useRemember();
  const [applied] = useApplied<Applied>(APPLIED);
  if (!applied || applied.id !== scenarioId) return null;
  const { rule, name } = applied;
  const aim = ruleTarget(rule, name);
  const show = async () => {
    let target = rule.id;
    try {
      const settings = await invoke('gaps.settings', {});
      target = judgedBy(await invoke('standards.get', { id: settings.standardId }), rule)?.id ?? rule.id;
    } catch {
      /* the gap screen says what is wrong with the set; open it on the rule's own row */
    }
    const place = gapPlace(rule, units);
    remember<string[]>('gaps.path', place.path);
    remember<GapSelection>('gaps.selected', { target, ...place.at });
    setTab('gaps');
    showWhenDrawn(target);
  };
  return (
    <p className="siting-applied" role="status" data-testid="siting-applied">
      {t('map.siting.appliedNote', { name, rule: lang === 'en' ? aim.nameEn : aim.name })}
      {rule.year !== undefined && <> {t('map.siting.appliedYear', { year: rule.year })}</>}
      <button type="button" className="link-btn" onClick={() => void show()} data-testid="siting-go-gaps" data-target={rule.id}>
        {t('map.siting.goGaps')}
      </button>
    </p>
  );
}
