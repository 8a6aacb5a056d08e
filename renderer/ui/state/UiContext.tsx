/** UI state shared across the shell: the active tab, the open dialog, short notices, row counts. */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TabName, TableName } from './types.ts';

export type DialogSpec =
  | { kind: 'planFile'; mode: 'new' | 'open' | 'saveAs' }
  | { kind: 'renamePlan' }
  | { kind: 'import'; table: TableName | 'populations' }
  | { kind: 'template' }
  | { kind: 'scenario'; mode: 'create' | 'duplicate' | 'rename' }
  | { kind: 'deleteScenario' }
  | { kind: 'standards' }
  | { kind: 'roads' };

export interface Notice { id: number; text: string; tone: 'info' | 'error' }
export interface RowCounts { shown: number; total: number }

interface Ui {
  tab: TabName;
  setTab(t: TabName): void;
  dialog: DialogSpec | null;
  openDialog(d: DialogSpec): void;
  closeDialog(): void;
  notices: Notice[];
  notify(text: string, tone?: Notice['tone']): void;
  dismiss(id: number): void;
  counts: Record<TableName, RowCounts | null>;
  setCounts(t: TableName, c: RowCounts): void;
  /** Bumped when the plan's roads or boundaries change, so the map reads them again. */
  geoVersion: number;
  geoChanged(): void;
}

const UiCtx = createContext<Ui | null>(null);

export function UiProvider({ children }: { children: ReactNode }) {
  const [tab, setTab] = useState<TabName>('dashboard');
  const [dialog, setDialog] = useState<DialogSpec | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [counts, setAllCounts] = useState<Record<TableName, RowCounts | null>>({ units: null, facilities: null });
  const nextId = useRef(1);
  const [geoVersion, setGeoVersion] = useState(0);
  const geoChanged = useCallback(() => setGeoVersion((v) => v + 1), []);

  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), []);
  const notify = useCallback((text: string, tone: Notice['tone'] = 'info') => {
    const id = nextId.current++;
    setNotices((n) => [...n.slice(-3), { id, text, tone }]);
    window.setTimeout(() => dismiss(id), tone === 'error' ? 10_000 : 4_000);
  }, [dismiss]);
  const setCounts = useCallback((t: TableName, c: RowCounts) =>
    setAllCounts((prev) => (prev[t]?.shown === c.shown && prev[t]?.total === c.total ? prev : { ...prev, [t]: c })), []);

  const ui = useMemo<Ui>(() => ({
    tab, setTab, dialog, openDialog: setDialog, closeDialog: () => setDialog(null),
    notices, notify, dismiss, counts, setCounts, geoVersion, geoChanged,
  }), [tab, dialog, notices, notify, dismiss, counts, setCounts, geoVersion, geoChanged]);

  return <UiCtx.Provider value={ui}>{children}</UiCtx.Provider>;
}

export function useUi(): Ui {
  const u = useContext(UiCtx);
  if (!u) throw new Error('useUi outside UiProvider');
  return u;
}
