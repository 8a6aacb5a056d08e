/**
 * 实施计划's proposals (候选项目 from the other screens): a siting proposal's chosen sites (设施选址, on the
 * map) and an allocation's facility lines (资源配置), put here by 「加入实施计划候选」 and offered in the
 * programme's settings as candidates.siting / candidates.allocation. One of each at a time (a newer one
 * replaces the older); kept in the client's memory while the plan is open (useKept: another plan forgets
 * them, as its facilities are others). Here because a feature never imports another feature.
 */
import type { ProgrammeQueryIn } from '../../../shared/api/methods/programme.ts';
import type { FacilityType } from '../../../shared/model/kinds.ts';
import { useKept } from '../../api/index.ts';
import type { TFn } from '../i18n/keys.ts';
import type { Lang } from '../i18n/index.ts';
import { enumLabel, sep } from '../i18n/labels.ts';

type Candidates = NonNullable<ProgrammeQueryIn['candidates']>;
export type ProposedSite = NonNullable<Candidates['siting']>['sites'][number];
export type ProposedLine = NonNullable<Candidates['allocation']>['lines'][number];
export type ProposedResource = ProposedLine['resource'];
/** In the order the labels list them. */
export const PROPOSED_RESOURCES: readonly ProposedResource[] = ['beds', 'physicians', 'nurses', 'gps', 'ambulances'];

interface Common {
  /** The scenario it was computed on (its facilities are the lines' and the upgrades'). */
  scenarioId: number;
  /** When it was added (ISO), for its label. */
  made: string;
  /** Ticked in the programme's settings (sent as a candidate source). */
  on: boolean;
}

export interface SitingProposal extends Common {
  type: FacilityType;
  sites: ProposedSite[];
}

export interface AllocationProposal extends Common {
  /** Each facility's additions (amount > 0, whole). */
  lines: ProposedLine[];
}

export interface ProgrammeProposals {
  siting: SitingProposal | null;
  allocation: AllocationProposal | null;
}

export type ProposalKind = keyof ProgrammeProposals;
export const NO_PROPOSALS: ProgrammeProposals = { siting: null, allocation: null };
const KEY = 'programme.proposals';

/** The proposals kept for the plan, and their setter (kept in the client's memory). */
export function useProgrammeProposals(): [ProgrammeProposals, (u: ProgrammeProposals | ((p: ProgrammeProposals) => ProgrammeProposals)) => void] {
  return useKept<ProgrammeProposals>(KEY, NO_PROPOSALS);
}

/** A siting proposal of the chosen sites (only what the programme takes of each). */
export function sitingProposal(scenarioId: number, type: FacilityType, chosen: readonly ProposedSite[], now = new Date()): SitingProposal {
  return {
    scenarioId,
    type,
    sites: chosen.map(({ id, name, lon, lat, source }) => ({ id, name, lon, lat, source })),
    made: now.toISOString(),
    on: true,
  };
}

/** An allocation proposal of the result's facility lines: the additions only (amount rounded, > 0). */
export function allocationProposal(
  scenarioId: number,
  lines: readonly { scope: string; code: string; resource: ProposedResource; allocated: number }[],
  now = new Date(),
): AllocationProposal {
  const out: ProposedLine[] = [];
  for (const l of lines) {
    const amount = Math.round(l.allocated);
    if (l.scope === 'facility' && amount > 0) out.push({ facility: l.code, resource: l.resource, amount });
  }
  return { scenarioId, lines: out, made: now.toISOString(), on: true };
}

/** The same sites or lines as a kept proposal (the button says it was added already). */
export const sameSites = (p: SitingProposal | null, type: FacilityType, sites: readonly ProposedSite[]) =>
  !!p && p.type === type && JSON.stringify(p.sites) === JSON.stringify(sitingProposal(0, type, sites).sites);
export const sameLines = (p: AllocationProposal | null, lines: readonly ProposedLine[]) => !!p && JSON.stringify(p.lines) === JSON.stringify(lines);

/** The candidate sources the ticked proposals give (for ProgrammeQuery.candidates). */
export function proposalCandidates(p: ProgrammeProposals): Pick<Candidates, 'siting' | 'allocation'> {
  return {
    ...(p.siting?.on && p.siting.sites.length > 0 ? { siting: { type: p.siting.type, sites: p.siting.sites } } : {}),
    ...(p.allocation?.on && p.allocation.lines.length > 0 ? { allocation: { lines: p.allocation.lines } } : {}),
  };
}

/** New sites and upgrades of a siting proposal. */
export function sitingCounts(p: SitingProposal): { added: number; upgraded: number } {
  const upgraded = p.sites.filter((s) => s.source === 'upgrade').length;
  return { added: p.sites.length - upgraded, upgraded };
}

/** An allocation proposal's additions by resource, and the facilities it touches (each one 扩建 action). */
export function allocationTotals(p: AllocationProposal): { totals: Partial<Record<ProposedResource, number>>; facilities: number } {
  const totals: Partial<Record<ProposedResource, number>> = {};
  for (const l of p.lines) totals[l.resource] = (totals[l.resource] ?? 0) + l.amount;
  return { totals, facilities: new Set(p.lines.map((l) => l.facility)).size };
}

/** How many candidate actions a proposal makes: a site each; a facility each. */
export const actionCount = (kind: ProposalKind, p: SitingProposal | AllocationProposal): number =>
  kind === 'siting' ? (p as SitingProposal).sites.length : allocationTotals(p as AllocationProposal).facilities;

const pad = (n: number) => String(n).padStart(2, '0');
/** When it was added, local time: 2026-12-06 22:30. */
export function madeAt(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 选址：新增社区卫生服务中心 5 处 (2026-12-06 22:30); 资源配置：床位 +200、全科医生 +20（8 个机构） (…). */
export function proposalLabel(kind: ProposalKind, p: SitingProposal | AllocationProposal, t: TFn, lang: Lang): string {
  const time = madeAt(p.made);
  if (kind === 'siting') {
    const s = p as SitingProposal;
    const { added, upgraded } = sitingCounts(s);
    const type = enumLabel('facilityType', s.type, lang);
    const what = [added ? t('programme.proposals.sitingNew', { n: added, type }) : '', upgraded ? t('programme.proposals.sitingUp', { n: upgraded, type }) : '']
      .filter(Boolean)
      .join(sep(lang, 'list'));
    return t('programme.proposals.sitingLabel', { what, time });
  }
  const { totals, facilities } = allocationTotals(p as AllocationProposal);
  const what = PROPOSED_RESOURCES.filter((r) => totals[r])
    .map((r) => `${t(`programme.proposals.res.${r}`)} +${INT.format(totals[r]!)}`)
    .join(sep(lang, 'list'));
  return t('programme.proposals.allocationLabel', { what, n: facilities, count: facilities, time });
}
