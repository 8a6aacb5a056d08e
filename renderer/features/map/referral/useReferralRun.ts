/**
 * 转诊可及性 in the active scenario: the question as the panel has it (kept per plan), and the answer of
 * the one last asked — referral.run through the client's cache, asked again when the plan's revision
 * moves (an edit, an undo, new road speeds) or another scenario is active, as a shown access analysis is.
 * Asked only while the referral tab is shown; 清除 forgets the question.
 */
import { useCallback } from 'react';
import type { ReferralResultOut } from '../../../../shared/access/referral.ts';
import type { FacilityType } from '../../../../shared/model/kinds.ts';
import type { ApiArgs } from '../../../../shared/api/contract.ts';
import { useKept, useQuery } from '../../../api/index.ts';
import { useAppData } from '../../../ui/state/AppContext.tsx';

export interface ReferralSettings {
  from: FacilityType[];
  /** Empty: a level up the referral ladder (the service's default). */
  to: FacilityType[];
  thresholdMinutes: number;
}

export const DEFAULT_REFERRAL: ReferralSettings = { from: ['thc', 'chc'], to: [], thresholdMinutes: 30 };

export interface ReferralRun {
  settings: ReferralSettings;
  update(p: Partial<ReferralSettings>): void;
  /** The answer shown (null: nothing asked, or not yet answered). */
  result: ReferralResultOut | null;
  /** The settings of the question the result answers. */
  asked: ReferralSettings | null;
  busy: boolean;
  error: unknown;
  run(): void;
  clear(): void;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
export const sameReferral = (a: ReferralSettings, b: ReferralSettings) =>
  sameList(a.from, b.from) && sameList(a.to, b.to) && a.thresholdMinutes === b.thresholdMinutes;

export function referralArgs(s: ReferralSettings, scenarioId: number): ApiArgs<'referral.run'> {
  return { scenarioId, from: [...s.from], ...(s.to.length ? { to: [...s.to] } : {}), thresholdMinutes: s.thresholdMinutes };
}

export function useReferralRun(shown: boolean): ReferralRun {
  const { scenarioId } = useAppData();
  const [settings, setSettings] = useKept<ReferralSettings>('map.referral.settings', DEFAULT_REFERRAL);
  const [asked, setAsked] = useKept<ReferralSettings | null>('map.referral.asked', null);
  const q = useQuery('referral.run', referralArgs(asked ?? settings, scenarioId), { enabled: shown && !!asked, keepPrevious: true });
  const update = useCallback((p: Partial<ReferralSettings>) => setSettings((s) => ({ ...s, ...p })), [setSettings]);
  const run = useCallback(() => {
    setAsked(settings);
    // The same question again (after an error): ask once more.
    if (asked && sameReferral(asked, settings)) q.refetch();
  }, [setAsked, settings, asked, q]);
  const clear = useCallback(() => setAsked(null), [setAsked]);
  return {
    settings,
    update,
    result: asked ? q.data : null,
    asked,
    busy: !!asked && q.loading,
    error: asked ? q.error : null,
    run,
    clear,
  };
}
