/** The menus: 文件 (plans, recent files, import, 数据检查, export, template) and 编辑 (撤销, 重做). */
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { useUndoRedo } from '../../ui/state/useUndoRedo.ts';
import { useExport } from '../../ui/io/useExport.ts';
import type { MenuEntry, MenuSpec } from './MenuBar.tsx';

export function useAppMenus(): MenuSpec[] {
  const { t, lang } = useLang();
  const { status, editState } = useAppData();
  const { invoke, planOpened, quit } = useAppActions();
  const { openDialog, notify } = useUi();
  const { exportTable } = useExport();
  const { undo, redo, undoText, redoText } = useUndoRedo();
  const plan = status?.plan ?? null;
  const readOnly = !!plan?.readOnly;

  const openRecent = (path: string) => {
    invoke('plan.open', { path })
      .then(async (info) => {
        await planOpened(info);
        notify(t('plan.opened', { name: info.name }));
      })
      .catch((e) => notify(errorText(e, lang), 'error'));
  };
  const recent: MenuEntry[] = (status?.recent ?? []).length
    ? status!.recent.map((p, i) => ({ id: `recent-${i}`, label: p, title: p, onSelect: () => openRecent(p) }))
    : [{ id: 'recent-none', label: t('file.recentEmpty'), disabled: true }];
  const exportMenu = (table: 'units' | 'facilities' | 'populations'): MenuEntry[] =>
    (['xlsx', 'csv'] as const).map((f) => ({
      id: `export-${table}-${f}`,
      label: t(`format.${f}`),
      onSelect: () => void exportTable(table, f).catch(() => undefined),
    }));

  return [
    {
      id: 'file',
      label: t('menu.file'),
      items: [
        { id: 'file-new', label: t('file.new'), onSelect: () => openDialog({ kind: 'planFile', mode: 'new' }) },
        { id: 'file-open', label: t('file.open'), onSelect: () => openDialog({ kind: 'planFile', mode: 'open' }) },
        { id: 'file-recent', label: t('file.recent'), submenu: recent },
        { separator: true, id: 'sep1' },
        { id: 'file-save-as', label: t('file.saveAs'), disabled: !plan, onSelect: () => openDialog({ kind: 'planFile', mode: 'saveAs' }) },
        { id: 'file-rename-plan', label: t('file.renamePlan'), disabled: !plan || readOnly, onSelect: () => openDialog({ kind: 'renamePlan' }) },
        { separator: true, id: 'sep2' },
        { id: 'file-import-units', label: t('file.importUnits'), disabled: !plan || readOnly, onSelect: () => openDialog({ kind: 'import', table: 'units' }) },
        {
          id: 'file-import-facilities',
          label: t('file.importFacilities'),
          disabled: !plan || readOnly,
          onSelect: () => openDialog({ kind: 'import', table: 'facilities' }),
        },
        {
          id: 'file-import-populations',
          label: t('file.importPopulations'),
          disabled: !plan || readOnly,
          onSelect: () => openDialog({ kind: 'import', table: 'populations' }),
        },
        { id: 'file-types', label: t('types.menu'), disabled: !plan, onSelect: () => openDialog({ kind: 'types' }) },
        { id: 'file-roads', label: t('file.roads'), disabled: !plan, onSelect: () => openDialog({ kind: 'roads' }) },
        { id: 'file-check', label: t('check.menu'), disabled: !plan, onSelect: () => openDialog({ kind: 'check' }) },
        { id: 'file-export-units', label: t('file.exportUnits'), disabled: !plan, submenu: exportMenu('units') },
        { id: 'file-export-facilities', label: t('file.exportFacilities'), disabled: !plan, submenu: exportMenu('facilities') },
        { id: 'file-export-populations', label: t('file.exportPopulations'), disabled: !plan, submenu: exportMenu('populations') },
        { separator: true, id: 'sep3' },
        { id: 'file-template', label: t('file.template'), onSelect: () => openDialog({ kind: 'template' }) },
        ...(status?.canQuit
          ? [
              { separator: true as const, id: 'sep4' },
              { id: 'file-quit', label: t('file.quit'), onSelect: () => void quit().catch((e: unknown) => notify(errorText(e, lang), 'error')) },
            ]
          : []),
      ],
    },
    {
      id: 'edit',
      label: t('menu.edit'),
      items: [
        { id: 'edit-undo', label: undoText, shortcut: 'Ctrl+Z', disabled: !editState?.undo || readOnly, onSelect: undo },
        { id: 'edit-redo', label: redoText, shortcut: 'Ctrl+Y', disabled: !editState?.redo || readOnly, onSelect: redo },
      ],
    },
  ];
}
