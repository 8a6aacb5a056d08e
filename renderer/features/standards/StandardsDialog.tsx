/**
 * 指标标准: every standard set (shipped, read-only; the plan's own, editable), the one the plan uses
 * and for which year. Edits stay in a draft until 保存; leaving a changed draft asks first.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StandardSet, StandardSummary } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { tIn } from '../../ui/i18n/keys.ts';
import { ErrorBox, Modal } from '../../ui/dialogs/Modal.tsx';
import { useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { AddTargetSheet } from './AddTargetSheet.tsx';
import { ConfirmSheet } from './ConfirmSheet.tsx';
import { CopySheet } from './CopySheet.tsx';
import { addReferralTarget, addTarget, removeTarget, sameSet, updateTarget } from './draft.ts';
import { fallbackSet } from './fallbackSet.ts';
import { ProblemStrip } from './ProblemStrip.tsx';
import { ReferralTargetSheet } from './ReferralTargetSheet.tsx';
import { saveProblem } from './saveError.ts';
import { SetActions } from './SetActions.tsx';
import { SetDetail } from './SetDetail.tsx';
import { SetList } from './SetList.tsx';
import { ruleText, targetName } from './targetText.ts';
import { useStandardSets } from './useStandardSets.ts';
import './standards.css';

type SheetState =
  | { kind: 'copy' }
  | { kind: 'add' }
  | { kind: 'referral' }
  | { kind: 'delete'; fallback: StandardSummary | null }
  | { kind: 'discard'; next: string | null; then(): void };

/** A refused call; `sent` is the draft a refused save sent (its zod path indexes those targets). */
interface Failure {
  error: unknown;
  sent?: StandardSet;
}

const parseYear = (s: string) => (/^\d{4}$/.test(s.trim()) && +s >= 2000 && +s <= 2100 ? +s : null);

export function StandardsDialog() {
  const { t, lang } = useLang();
  const { closeDialog } = useUi();
  const { status, units } = useAppData();
  const readOnly = status?.plan?.readOnly ?? false;
  const std = useStandardSets();
  const { sets, settings, load } = std;

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<StandardSet | null>(null);
  const [draft, setDraft] = useState<StandardSet | null>(null);
  /** Bumped to reset the editor's inputs (a reverted or reopened draft). */
  const [revision, setRevision] = useState(0);
  /** Inputs whose text is not a number (`<target>:<field>`). */
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<Failure | null>(null);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  /** What the last action did (已保存 …), in the footer: toasts would cover its buttons. */
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<SheetState | null>(null);
  const [yearText, setYearText] = useState('');
  const paneRef = useRef<HTMLDivElement>(null);

  const summary = sets?.find((s) => s.id === selectedId) ?? null;
  const dirty = !!draft && (!sameSet(draft, loaded) || invalid.size > 0);
  const year = parseYear(yearText);
  const inUse = !!settings && settings.standardId === selectedId;
  const fail = useCallback((error: unknown) => setFailure({ error }), []);

  const openSeq = useRef(0);
  /** Shows a set; the plan's own sets (`editable`) get a draft to edit. */
  const open = useCallback(
    async (id: string, editable: boolean) => {
      const seq = ++openSeq.current;
      setSelectedId(id);
      setLoaded(null);
      setDraft(null);
      setInvalid(new Set());
      setFailure(null);
      setLocalProblem(null);
      const set = await load(id);
      if (seq !== openSeq.current) return; // another set was chosen meanwhile
      setLoaded(set);
      setDraft(editable ? set : null);
      setRevision((r) => r + 1);
    },
    [load],
  );

  // Another set starts at its top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: selectedId is the trigger (the pane is reached through the ref)
  useEffect(() => {
    paneRef.current?.scrollTo({ top: 0 });
  }, [selectedId]);

  // First: the set the plan uses, and its year.
  useEffect(() => {
    if (!sets || !settings || selectedId) return;
    setYearText(String(settings.year));
    const first = sets.find((s) => s.id === settings.standardId) ?? sets[0];
    if (first) open(first.id, !first.builtin).catch(fail);
  }, [sets, settings, selectedId, open, fail]);

  /** Runs `then` now, or once the planner agrees to drop the unsaved changes. */
  const leave = (next: string | null, then: () => void) => {
    if (dirty) setSheet({ kind: 'discard', next, then });
    else then();
  };
  const close = () => {
    if (sheet)
      setSheet(null); // Esc and × step back out of a sheet first
    else leave(null, closeDialog);
  };
  const select = (id: string) => {
    const next = sets?.find((s) => s.id === id);
    if (!next || id === selectedId) return;
    leave(targetName(next, lang), () => {
      setDone(null);
      open(id, !next.builtin).catch(fail);
    });
  };

  const edit = (fn: (s: StandardSet) => StandardSet) => {
    setDraft((d) => (d ? fn(d) : d));
    setDone(null);
    setLocalProblem(null);
  };
  /** A refused save stays in view until the planner changes what it named (or saves again). */
  const answer = (targetId: string | null) => {
    if (problem && problem.targetId === targetId) setFailure(null);
  };
  const validity = (key: string, ok: boolean) =>
    setInvalid((prev) => {
      if (ok === !prev.has(key)) return prev;
      const next = new Set(prev);
      if (ok) next.delete(key);
      else next.add(key);
      return next;
    });
  const revert = () => {
    setDraft(loaded);
    setInvalid(new Set());
    setFailure(null);
    setLocalProblem(null);
    setRevision((r) => r + 1);
  };

  /** Runs one call to the service, with the buttons disabled and its failure shown. */
  const run = async (fn: () => Promise<void>, sent?: StandardSet) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      await fn();
    } catch (error) {
      setFailure({ error, sent });
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    if (!draft) return;
    if (invalid.size) {
      setLocalProblem(t('standards.fixFirst'));
      return;
    }
    void run(async () => {
      const saved = await std.save(draft);
      setLoaded(saved);
      setDraft(saved);
      setDone(t('standards.saved', { name: targetName(saved, lang) }));
    }, draft);
  };

  const adoptSet = () => {
    if (!selectedId || year === null) return;
    void run(async () => {
      const s = await std.use(selectedId, year);
      setDone(t('standards.used', { name: summary ? targetName(summary, lang) : s.standardId, year: s.year }));
    });
  };

  const askDelete = () =>
    void run(async () => {
      if (!sets || !summary) return;
      const names = new Set((units ?? []).map((u) => u.name));
      const fallback = inUse
        ? await fallbackSet(
            sets.filter((s) => s.id !== summary.id),
            names,
            load,
          )
        : null;
      setSheet({ kind: 'delete', fallback });
    });
  const confirmDelete = async () => {
    if (!summary) return;
    await std.remove(summary.id);
    setSheet(null);
    setDone(t('standards.deleted', { name: targetName(summary, lang) }));
    setSelectedId(null); // the first-load effect opens the set now in use
  };

  const taken = useMemo(() => new Set(sets?.map((s) => s.id) ?? []), [sets]);
  const problem = failure?.sent ? saveProblem(failure.error, failure.sent, t, lang) : null;
  const shown = draft ?? loaded;

  function renderSheet(s: SheetState) {
    if (!sets || !summary) return null;
    switch (s.kind) {
      case 'copy':
        return (
          <CopySheet
            from={summary}
            taken={taken}
            onCancel={() => setSheet(null)}
            onCopy={async (name, id) => {
              const set = await std.copy(summary.id, id, name);
              setSheet(null);
              await open(set.id, true);
              setDone(t('standards.copied', { name: targetName(set, lang) }));
            }}
          />
        );
      case 'add':
        return (
          draft && (
            <AddTargetSheet
              sets={sets.filter((x) => x.id !== draft.id)}
              draft={draft}
              load={load}
              onCancel={() => setSheet(null)}
              onAdd={(target, from) => {
                const r = addTarget(draft, target, from);
                edit(() => r.set);
                setSheet(null);
                setDone(
                  r.renamed
                    ? t('standards.addedRenamed', { name: targetName(target, lang), id: r.id })
                    : t('standards.added', { name: targetName(target, lang) }),
                );
                // The new card is the last one: show it.
                requestAnimationFrame(() =>
                  document.querySelector(`[data-testid=standard-target][data-id="${CSS.escape(r.id)}"]`)?.scrollIntoView({ block: 'nearest' }),
                );
              }}
            />
          )
        );
      case 'referral':
        return (
          draft && (
            <ReferralTargetSheet
              onCancel={() => setSheet(null)}
              onAdd={(choice) => {
                // The source text: the rule in Chinese, as a document's wording would be.
                const r = addReferralTarget(draft, choice, (x) => ruleText(x, (k, o) => tIn('zh-CN', k, o), 'zh-CN'));
                edit(() => r.set);
                setSheet(null);
                setDone(t('standards.added', { name: targetName(r.target, lang) }));
                requestAnimationFrame(() =>
                  document.querySelector(`[data-testid=standard-target][data-id="${CSS.escape(r.id)}"]`)?.scrollIntoView({ block: 'nearest' }),
                );
              }}
            />
          )
        );
      case 'delete':
        return (
          <ConfirmSheet
            title={t('standards.deleteTitle')}
            testId="standards-delete-sheet"
            confirm={t('standards.deleteButton')}
            cancel={t('dialog.cancel')}
            danger
            onCancel={() => setSheet(null)}
            onConfirm={confirmDelete}
          >
            <p className="std-sheet-text">{t('standards.deleteConfirm', { name: targetName(summary, lang) })}</p>
            {inUse && s.fallback && <p className="std-sheet-text std-warn">{t('standards.deleteInUse', { fallback: targetName(s.fallback, lang) })}</p>}
          </ConfirmSheet>
        );
      case 'discard': {
        const name = shown ? targetName(shown, lang) : '';
        return (
          <ConfirmSheet
            title={t('standards.unsavedTitle')}
            testId="standards-discard-sheet"
            confirm={t('standards.discard')}
            cancel={t('standards.keepEditing')}
            danger
            onCancel={() => setSheet(null)}
            onConfirm={() => {
              setSheet(null);
              revert();
              s.then();
            }}
          >
            <p className="std-sheet-text">{s.next === null ? t('standards.unsavedClose', { name }) : t('standards.unsavedSwitch', { name, next: s.next })}</p>
          </ConfirmSheet>
        );
      }
    }
  }

  const body = std.loadError ? (
    <ErrorBox error={std.loadError} />
  ) : !sets || !settings ? (
    <p className="std-empty">{t('standards.loading')}</p>
  ) : (
    <div className="std-layout">
      <SetList
        sets={sets}
        settings={settings}
        selectedId={selectedId}
        onSelect={select}
        yearText={yearText}
        onYearText={setYearText}
        yearOk={year !== null}
        readOnly={readOnly}
      />
      <div className="std-pane">
        <div ref={paneRef} className="std-pane-scroll">
          {!shown || !summary ? (
            <p className="std-empty">{t('standards.loading')}</p>
          ) : (
            <SetDetail
              key={`${shown.id}:${revision}`}
              set={shown}
              builtin={summary.builtin}
              inUse={inUse}
              hint={readOnly ? t('standards.readOnlyPlan') : summary.builtin ? t('standards.readOnlySet') : null}
              actions={
                <SetActions
                  inUse={inUse}
                  current={inUse && year === settings.year}
                  year={year}
                  own={!summary.builtin}
                  dirty={dirty}
                  disabled={readOnly || busy || !loaded}
                  onUse={adoptSet}
                  onCopy={() => setSheet({ kind: 'copy' })}
                  onDelete={askDelete}
                />
              }
              edit={
                draft && !readOnly
                  ? {
                      onSet: (fn) => {
                        edit(fn);
                        answer(null);
                      },
                      onTarget: (id, fn) => {
                        edit((s) => updateTarget(s, id, fn));
                        answer(id);
                      },
                      onRemove: (id) => {
                        edit((s) => removeTarget(s, id));
                        setInvalid((prev) => new Set([...prev].filter((k) => !k.startsWith(`${id}:`))));
                      },
                      onValidity: validity,
                      onAdd: () => setSheet({ kind: 'add' }),
                      onAddReferral: () => setSheet({ kind: 'referral' }),
                      problem,
                    }
                  : undefined
              }
            />
          )}
        </div>
        <ProblemStrip error={failure?.error} problem={problem} local={localProblem} saving={!!failure?.sent} />
      </div>
      {sheet && renderSheet(sheet)}
    </div>
  );

  const footer = (
    <>
      {dirty ? (
        <span className="std-status is-dirty" data-testid="standards-dirty">
          {t('standards.dirty')}
        </span>
      ) : (
        done && (
          <span className="std-status is-done" data-testid="standards-done">
            {done}
          </span>
        )
      )}
      {draft && !readOnly && (
        <>
          <button type="button" className="btn" onClick={revert} disabled={!dirty || busy} data-testid="standards-revert">
            {t('standards.revert')}
          </button>
          <button type="button" className="btn primary" onClick={save} disabled={!dirty || busy} data-testid="standards-save">
            {busy ? t('dialog.working') : t('standards.save')}
          </button>
        </>
      )}
      <button type="button" className="btn" onClick={close} data-testid="dialog-cancel">
        {t('dialog.close')}
      </button>
    </>
  );

  return (
    <Modal title={t('standards.title')} testId="standards-dialog" onClose={close} wide footer={footer}>
      {body}
    </Modal>
  );
}
