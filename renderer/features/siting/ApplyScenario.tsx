/**
 * 生成新情景…: the proposal into a new scenario (a copy of the one analysed, with the new facilities
 * and the upgraded ones retyped; one transaction), then the app switches to it — the gap screen and the
 * map follow the active scenario. Read-only plans: disabled, with why. After the switch a line says
 * where the scenario came from and leads to the gap screen.
 */
import { useState } from 'react';
import type { SitingResultOut } from '../../../shared/siting/query.ts';
import { useLang } from '../../app/i18n/index.ts';
import { enumLabel } from '../../app/i18n/labels.ts';
import { DialogButtons, ErrorBox, Modal } from '../../app/dialogs/Modal.tsx';
import { useAppActions, useAppData } from '../../app/state/AppContext.tsx';
import { useUi } from '../../app/state/UiContext.tsx';
import { PlannedYear, plannedYearArg, type PlannedYearValue } from '../scenarios/PlannedYear.tsx';
import { useScenarioName } from '../scenarios/ScenarioSwitcher.tsx';

/** The scenario last made here (per plan), for the line shown once the app is in it. */
let applied: { plan: string; id: number; name: string } | null = null;

function useDefaultName(r: SitingResultOut): string {
  const { t, lang } = useLang();
  const { units, scenarios } = useAppData();
  const names = r.query.within.map((c) => units?.find((u) => u.code === c)?.name ?? c);
  const area = names.length <= 2 ? names.join('、') : t('map.siting.areaMany', { first: names[0], n: names.length, more: names.length - 1 });
  const upgradeOnly = r.chosen.length > 0 && r.chosen.every((s) => s.source === 'upgrade');
  const base = t('map.siting.name', {
    where: area ? t('map.siting.where', { area }) : '', verb: t(upgradeOnly ? 'map.siting.verbUp' : 'map.siting.verbNew'),
    n: r.chosen.length, type: enumLabel('facilityType', r.query.type, lang),
  }).slice(0, 90);
  const taken = new Set(scenarios.map((s) => s.name));
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base} (${i})`;
  return name;
}

export function ApplyScenario({ result }: { result: SitingResultOut }) {
  const { t, lang } = useLang();
  const { scenarios, status } = useAppData();
  const { invoke, write, reloadScenarios, selectScenario } = useAppActions();
  const { notify } = useUi();
  const nameOf = useScenarioName();
  const initial = useDefaultName(result);
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [planned, setPlanned] = useState<PlannedYearValue>({ on: false, year: new Date().getFullYear() + 1 });
  const [error, setError] = useState<unknown>(null);
  const readOnly = !!status?.plan?.readOnly;
  const from = nameOf(scenarios.find((s) => s.id === result.query.scenarioId));

  const type = enumLabel('facilityType', result.query.type, lang);
  const upgrades = result.chosen.filter((c) => c.source === 'upgrade').length;
  const what = [
    result.chosen.length > upgrades ? t('map.siting.applyNew', { n: result.chosen.length - upgrades, type }) : '',
    upgrades ? t('map.siting.applyUp', { n: upgrades, type }) : '',
  ].filter(Boolean).join(t('map.siting.applyAnd'));

  const open = () => { setName(initial); setError(null); setBusy(false); setAsking(true); };
  const submit = async () => {
    if (!name.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const sites = result.chosen.map(({ id, name: n, lon, lat, source }) => ({ id, name: n, lon, lat, source }));
      const s = await write(() => invoke('siting.apply', { scenarioId: result.query.scenarioId, name: name.trim(), type: result.query.type, sites, ...plannedYearArg(planned) }));
      applied = { plan: status?.plan?.path ?? '', id: s.id, name: s.name };
      await reloadScenarios();
      await selectScenario(s.id);
      setAsking(false);
      notify(t('map.siting.applied', { name: s.name }));
    } catch (e) { setError(e); setBusy(false); }
  };

  return (
    <div className="siting-apply">
      <button type="button" className="btn primary" onClick={open} disabled={readOnly || result.chosen.length === 0} data-testid="siting-apply"
        title={readOnly ? t('map.siting.readOnly') : undefined}>
        {t('map.siting.apply')}
      </button>
      {readOnly && <span className="siting-hint" data-testid="siting-apply-readonly">{t('map.siting.readOnly')}</span>}
      {asking && (
        <Modal title={t('map.siting.applyTitle')} testId="siting-apply-dialog" onClose={() => setAsking(false)} onSubmit={() => void submit()}
          footer={<DialogButtons primary={t('dialog.ok')} busy={busy} disabled={!name.trim()} onCancel={() => setAsking(false)} />}>
          <label className="field">
            <span>{t('map.siting.applyLabel')}</span>
            <input type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="name-input" />
          </label>
          <PlannedYear value={planned} onChange={setPlanned} />
          <p className="field-hint" data-testid="siting-apply-hint">{t('map.siting.applyHint', { from, what })}</p>
          <ErrorBox error={error} />
        </Modal>
      )}
    </div>
  );
}

/** Shown in a scenario made here: where it came from, and the way to its gaps. */
export function AppliedNote() {
  const { t } = useLang();
  const { scenarioId, status } = useAppData();
  const { setTab } = useUi();
  if (!applied || applied.id !== scenarioId || applied.plan !== (status?.plan?.path ?? '')) return null;
  return (
    <p className="siting-applied" role="status" data-testid="siting-applied">
      {t('map.siting.appliedNote', { name: applied.name })}
      <button type="button" className="link-btn" onClick={() => setTab('gaps')} data-testid="siting-go-gaps">{t('map.siting.goGaps')}</button>
    </p>
  );
}
