/**
 * 实施计划's state: the settings as typed (defaulting to the plan's standard year … +5), the query they
 * make, and the last programme found (programme.run; it may take several seconds). Both are kept in the
 * client's memory while the plan is open (another tab and back shows them; another plan forgets them).
 * Newest run wins: an older reply arriving late is dropped.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ProgrammeOut, ProgrammeQueryIn } from '../../../shared/api/methods/programme.ts';
import { useKept, useQuery } from '../../api/index.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { proposalCandidates, useProgrammeProposals, type ProgrammeProposals } from '../../ui/state/programmeProposals.ts';
import { checkForm, emptyForm, sameQuery, type Checked, type ProgrammeForm } from './form.ts';

/** The last run: what was asked and the programme found. */
export interface RunRecord {
  query: ProgrammeQueryIn;
  result: ProgrammeOut;
}

export interface ProgrammeState {
  form: ProgrammeForm;
  setForm(u: ProgrammeForm | ((f: ProgrammeForm) => ProgrammeForm)): void;
  checked: Checked;
  /** The set the programme is judged by: the one chosen, else the plan's. */
  standardId: string | null;
  /** The plan's set (gaps.settings), the default. */
  planStandardId: string | null;
  /** Siting / allocation proposals added from the other screens (ticked ones are candidates). */
  proposals: ProgrammeProposals;
  setProposals(u: ProgrammeProposals | ((p: ProgrammeProposals) => ProgrammeProposals)): void;
  run: RunRecord | null;
  running: boolean;
  error: unknown;
  /** The settings no longer ask what the shown programme answers. */
  changed: boolean;
  /** 测算: runs the settings' query (newest wins). */
  start(): void;
}

/** Without the plan's settings (yet): 2025–2030. */
const FALLBACK_YEAR = 2025;
const SPAN = 5;

export function useProgramme(): ProgrammeState {
  const { scenarioId, status } = useAppData();
  const { invoke } = useAppActions();
  const settings = useQuery('gaps.settings', {}, { enabled: !!status?.plan });
  const [kept, setKept] = useKept<ProgrammeForm | null>('programme.form', null);
  const [run, setRun] = useKept<RunRecord | null>('programme.run', null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);

  const year = settings.data?.year ?? FALLBACK_YEAR;
  const form = useMemo(() => kept ?? emptyForm(year, year + SPAN), [kept, year]);
  const formNow = useRef(form);
  formNow.current = form;
  const setForm = useCallback(
    (u: ProgrammeForm | ((f: ProgrammeForm) => ProgrammeForm)) => setKept(typeof u === 'function' ? u(formNow.current) : u),
    [setKept],
  );
  const planStandardId = settings.data?.standardId ?? null;
  const standardId = form.standardId ?? planStandardId;
  const [proposals, setProposals] = useProgrammeProposals();
  const sources = useMemo(() => proposalCandidates(proposals), [proposals]);
  const checked = useMemo(() => checkForm(form, scenarioId, standardId, sources), [form, scenarioId, standardId, sources]);

  const start = useCallback(() => {
    const query = checked.query;
    if (!query) return;
    const mine = ++seq.current;
    setRunning(true);
    setError(null);
    invoke('programme.run', query).then(
      (result) => {
        if (mine !== seq.current) return;
        setRun({ query, result });
        setRunning(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(e);
        setRunning(false);
      },
    );
  }, [checked.query, invoke, setRun]);

  const changed = !!run && !!checked.query && !sameQuery(checked.query, run.query);
  return { form, setForm, checked, standardId, planStandardId, proposals, setProposals, run, running, error, changed, start };
}
