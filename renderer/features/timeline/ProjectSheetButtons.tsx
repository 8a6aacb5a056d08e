/**
 * The projects sheet, at the head of the projects: 导出项目表 (.xlsx, or .csv) and 导入项目表… (the
 * dialog: check, then import). The same columns as the table (README, File formats).
 */
import { useState } from 'react';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { saveFileOut } from '../../ui/io/files.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';

export function ProjectSheetButtons({ readOnly, onImport }: { readOnly: boolean; onImport(): void }) {
  const { t, lang } = useLang();
  const { invoke } = useAppActions();
  const { scenarioId } = useAppData();
  const { notify } = useUi();
  const [exporting, setExporting] = useState(false);
  const exportSheet = async (format: 'xlsx' | 'csv') => {
    setExporting(true);
    try {
      const f = await invoke('projects.export', { scenarioId, format });
      saveFileOut(f);
      notify(t('file.exported', { file: f.fileName }));
    } catch (e) {
      notify(errorText(e, lang), 'error');
    } finally {
      setExporting(false);
    }
  };
  return (
    <span className="tl-sheet">
      <span className="tl-export">
        <button
          type="button"
          className="tool-btn"
          onClick={() => void exportSheet('xlsx')}
          disabled={exporting}
          title={t('timeline.sheet.exportHint')}
          data-testid="timeline-export"
        >
          {t('timeline.sheet.export')}
        </button>
        <button
          type="button"
          className="tool-btn tl-export-csv"
          onClick={() => void exportSheet('csv')}
          disabled={exporting}
          title={t('timeline.sheet.exportCsv')}
          data-testid="timeline-export-csv"
        >
          .csv
        </button>
      </span>
      <button type="button" className="tool-btn" onClick={onImport} disabled={readOnly} data-testid="timeline-import">
        {t('timeline.sheet.import')}
      </button>
    </span>
  );
}
