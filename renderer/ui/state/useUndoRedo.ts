/** 撤销 / 重做 of the active scenario, with a readable label ("岳麓区 · 常住人口") and a notice. */
import { useCallback, useMemo } from 'react';
import type { EditRef } from '../../../shared/api/contract.ts';
import { useLang, type Lang } from '../i18n/index.ts';
import { anyColumnLabel, errorText } from '../i18n/labels.ts';
import { tIn } from '../i18n/keys.ts';
import { useAppActions, useAppData, type AppData } from './AppContext.tsx';
import { useUi } from './UiContext.tsx';

/** An edit as the planner reads it: the row's name and the column's header ("岳麓区 · 常住人口"). */
export function describeEdit(edit: EditRef | null, d: Pick<AppData, 'units' | 'facilities'>, lang: Lang): string {
  if (!edit) return '';
  const name = edit.table === 'units' ? d.units?.find((u) => u.code === edit.key)?.name : d.facilities?.find((f) => f.id === edit.key)?.name;
  // '*': a facility placed, moved or removed on the map as a whole.
  const what = edit.field === '*' ? tIn(lang, 'edit.placeMoveRemove') : anyColumnLabel(edit.field, lang);
  return `${name ?? edit.key} · ${what}`;
}

export function useUndoRedo(): { undo(): void; redo(): void; undoText: string; redoText: string } {
  const { t, lang } = useLang();
  const data = useAppData();
  const actions = useAppActions();
  const { notify } = useUi();
  const { editState } = data;
  const { units, facilities } = data;
  const undoWhat = useMemo(() => describeEdit(editState?.undo ?? null, { units, facilities }, lang), [editState, units, facilities, lang]);
  const redoWhat = useMemo(() => describeEdit(editState?.redo ?? null, { units, facilities }, lang), [editState, units, facilities, lang]);
  const run = useCallback(
    (which: 'undo' | 'redo', what: string) => {
      actions[which]().then(
        () => notify(t(which === 'undo' ? 'edit.undone' : 'edit.redone', { what })),
        (e) => notify(errorText(e, lang), 'error'),
      );
    },
    [actions, notify, t, lang],
  );
  return {
    undo: () => {
      if (editState?.undo && !data.status?.plan?.readOnly) run('undo', undoWhat);
    },
    redo: () => {
      if (editState?.redo && !data.status?.plan?.readOnly) run('redo', redoWhat);
    },
    undoText: undoWhat ? t('edit.undoWhat', { what: undoWhat }) : t('edit.undo'),
    redoText: redoWhat ? t('edit.redoWhat', { what: redoWhat }) : t('edit.redo'),
  };
}
