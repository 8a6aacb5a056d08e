/**
 * 加入实施计划候选: the result's facility lines (what each facility is given, > 0) offered to 实施计划 as
 * candidate 扩建 actions, one a facility (kept in ui/state/programmeProposals, replacing an allocation
 * added before); a short confirmation, and the button says so while the kept proposal is this one.
 */
import { useMemo } from 'react';
import { useLang } from '../../ui/i18n/index.ts';
import { allocationProposal, proposalLabel, sameLines, useProgrammeProposals } from '../../ui/state/programmeProposals.ts';
import { useUi } from '../../ui/state/UiContext.tsx';
import type { RunRecord } from './session.ts';

export function ToProgramme({ run }: { run: RunRecord }) {
  const { t, lang } = useLang();
  const { notify } = useUi();
  const [proposals, setProposals] = useProgrammeProposals();
  const lines = useMemo(() => allocationProposal(run.query.scenarioId, run.result.lines).lines, [run]);
  const added = sameLines(proposals.allocation, lines);
  const add = () => {
    const p = allocationProposal(run.query.scenarioId, run.result.lines);
    setProposals((old) => ({ ...old, allocation: p }));
    notify(t('allocation.toProgramme.added', { label: proposalLabel('allocation', p, t, lang) }));
  };
  return (
    <button
      type="button"
      className="btn"
      onClick={add}
      disabled={lines.length === 0}
      title={lines.length === 0 ? t('allocation.toProgramme.nothing') : t('allocation.toProgramme.hint')}
      data-testid="alloc-to-programme"
      data-added={added}
    >
      {added ? `✓ ${t('allocation.toProgramme.done')}` : t('allocation.toProgramme.button')}
    </button>
  );
}
