/**
 * 加入实施计划候选: the proposal's chosen sites offered to 实施计划 as candidate 新建/升级 actions (kept in
 * ui/state/programmeProposals, replacing a siting proposal added before); a short confirmation, and the
 * button says so while the kept proposal is this one.
 */
import type { SitingResultOut } from '../../../../shared/siting/query.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { proposalLabel, sameSites, sitingProposal, useProgrammeProposals } from '../../../ui/state/programmeProposals.ts';
import { useUi } from '../../../ui/state/UiContext.tsx';

export function ToProgramme({ result }: { result: SitingResultOut }) {
  const { t, lang } = useLang();
  const { notify } = useUi();
  const [proposals, setProposals] = useProgrammeProposals();
  const added = sameSites(proposals.siting, result.query.type, result.chosen);
  const add = () => {
    const p = sitingProposal(result.query.scenarioId, result.query.type, result.chosen);
    setProposals((old) => ({ ...old, siting: p }));
    notify(t('map.siting.toProgrammeAdded', { label: proposalLabel('siting', p, t, lang) }));
  };
  return (
    <button
      type="button"
      className="btn"
      onClick={add}
      disabled={result.chosen.length === 0}
      title={t('map.siting.toProgrammeHint')}
      data-testid="siting-to-programme"
      data-added={added}
    >
      {added ? `✓ ${t('map.siting.toProgrammeDone')}` : t('map.siting.toProgramme')}
    </button>
  );
}
