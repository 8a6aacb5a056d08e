/**
 * 候选项目 from the other screens: the siting proposal and the allocation added there with 「加入实施计划候选」
 * (ui/state/programmeProposals), one checkbox each — its label, how many candidate actions it makes, 移除 —
 * sent as candidates.siting / candidates.allocation when ticked. Priced by the plan's 造价标准 (costs.get):
 * what it has no price for is said next to it (the results list those as 未定价, with a cost box).
 */
import type { CostTable } from '../../../shared/compare/costs.ts';
import { useQuery } from '../../api/index.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { enumLabel, sep } from '../../ui/i18n/labels.ts';
import { useScenarioName } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import { useAppData } from '../../ui/state/AppContext.tsx';
import {
  actionCount,
  allocationTotals,
  PROPOSED_RESOURCES,
  proposalLabel,
  sitingCounts,
  type AllocationProposal,
  type ProgrammeProposals,
  type ProposalKind,
  type SitingProposal,
} from '../../ui/state/programmeProposals.ts';

interface Props {
  proposals: ProgrammeProposals;
  onProposals(u: (p: ProgrammeProposals) => ProgrammeProposals): void;
}

const KINDS: readonly ProposalKind[] = ['siting', 'allocation'];

export function Proposals({ proposals, onProposals }: Props) {
  const { t, lang } = useLang();
  const { scenarios, scenarioId, status } = useAppData();
  const nameOf = useScenarioName();
  const costs = useQuery('costs.get', {}, { enabled: !!status?.plan && (!!proposals.siting || !!proposals.allocation) });
  const shown = KINDS.filter((k) => proposals[k]);
  if (shown.length === 0) return <p className="pg-hint">{t('programme.proposals.none')}</p>;
  return (
    <>
      {shown.map((kind) => {
        const p = proposals[kind]!;
        const label = proposalLabel(kind, p, t, lang);
        const n = actionCount(kind, p);
        const notes = costs.data ? unpricedNotes(kind, p, costs.data, t, lang) : [t('programme.proposals.readingCosts')];
        return (
          <div className="pg-proposal" key={kind} data-testid={`pg-proposal-${kind}`} data-on={p.on}>
            <label className="pg-check">
              <input
                type="checkbox"
                checked={p.on}
                onChange={(e) => onProposals((old) => ({ ...old, [kind]: old[kind] && { ...old[kind], on: e.target.checked } }))}
                data-testid={`pg-proposal-on-${kind}`}
              />
              <span>
                <span data-testid="pg-proposal-label">{label}</span> <span className="pg-muted">· {t('programme.proposals.actions', { n, count: n })}</span>
              </span>
            </label>
            <div className="pg-proposal-foot">
              {p.scenarioId !== scenarioId && (
                <span className="pg-hint is-warn" data-testid="pg-proposal-scenario">
                  {t('programme.proposals.otherScenario', { name: nameOf(scenarios.find((s) => s.id === p.scenarioId)) || String(p.scenarioId) })}
                </span>
              )}
              <button
                type="button"
                className="link-btn pg-proposal-remove"
                onClick={() => onProposals((old) => ({ ...old, [kind]: null }))}
                aria-label={t('programme.proposals.removeLabel', { label })}
                data-testid="pg-proposal-remove"
              >
                {t('programme.proposals.remove')}
              </button>
            </div>
            {notes.map((text) => (
              <p key={text} className="pg-hint is-warn" data-testid="pg-proposal-price">
                {text}
              </p>
            ))}
          </div>
        );
      })}
    </>
  );
}

/** What the 造价标准 cannot price in a proposal, as the engine prices it (candidates.ts: a new facility by its type; an expansion by what it adds; an upgrade never). */
export function unpricedNotes(
  kind: ProposalKind,
  p: SitingProposal | AllocationProposal,
  costs: CostTable,
  t: ReturnType<typeof useLang>['t'],
  lang: ReturnType<typeof useLang>['lang'],
): string[] {
  const out: string[] = [];
  if (kind === 'siting') {
    const s = p as SitingProposal;
    const { added, upgraded } = sitingCounts(s);
    if (added > 0 && costs.perFacility[s.type] === undefined)
      out.push(t('programme.proposals.unpricedNew', { type: enumLabel('facilityType', s.type, lang), n: added, count: added }));
    if (upgraded > 0) out.push(t('programme.proposals.unpricedUp', { n: upgraded, count: upgraded }));
    return out;
  }
  const a = p as AllocationProposal;
  const { totals } = allocationTotals(a);
  const missing = PROPOSED_RESOURCES.filter((r) => totals[r] && costs.perUnit[r] === undefined);
  if (missing.length === 0) return out;
  const list = missing.map((r) => t(`programme.proposals.res.${r}`)).join(sep(lang, 'list'));
  const priced = new Set(a.lines.filter((l) => costs.perUnit[l.resource] !== undefined).map((l) => l.facility));
  const none = new Set(a.lines.filter((l) => !priced.has(l.facility)).map((l) => l.facility)).size;
  out.push(none > 0 ? t('programme.proposals.unpricedAll', { list, n: none, count: none }) : t('programme.proposals.unpricedSome', { list }));
  return out;
}
