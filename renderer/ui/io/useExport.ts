/** 导出单位 / 导出机构 (.xlsx or .csv) of the active scenario, and the import templates. */
import { useCallback } from 'react';
import { useLang } from '../i18n/index.ts';
import { errorText } from '../i18n/labels.ts';
import { useAppActions, useAppData } from '../state/AppContext.tsx';
import { useUi } from '../state/UiContext.tsx';
import { saveFileOut } from './files.ts';
import type { FileOut } from '../state/types.ts';

type Table = 'units' | 'facilities';
type Format = 'xlsx' | 'csv';

export function useExport(): {
  exportTable(table: Table | 'populations', format: Format): Promise<void>;
  saveTemplate(table: Table, format: Format): Promise<void>;
} {
  const { t, lang } = useLang();
  const { invoke } = useAppActions();
  const { scenarioId } = useAppData();
  const { notify } = useUi();
  const run = useCallback(
    async (get: () => Promise<FileOut>) => {
      try {
        const f = await get();
        saveFileOut(f);
        notify(t('file.exported', { file: f.fileName }));
      } catch (e) {
        notify(errorText(e, lang), 'error');
        throw e;
      }
    },
    [notify, t, lang],
  );
  return {
    exportTable: useCallback(
      (table: Table | 'populations', format: Format) =>
        run(() => (table === 'populations' ? invoke('populations.export', { scenarioId, format }) : invoke('table.export', { scenarioId, table, format }))),
      [run, invoke, scenarioId],
    ),
    saveTemplate: useCallback((table: Table, format: Format) => run(() => invoke('table.template', { table, format })), [run, invoke]),
  };
}
