/** UI state shared across the shell: the active tab, the open dialog, short notices, row counts, a row to reveal. */
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
  | { kind: 'roads' }
  | { kind: 'types' }
  /** 数据检查 for a set and year (the gap screen's); without them, the plan's. */
  | { kind: 'check'; standardId?: string; year?: number };

/** A row another screen sends the planner to (数据检查's links): its table's tab is shown, the row scrolled to and its cell focused. */
export interface RowReveal {
  table: TableName;
  key: string;
  column?: string;
  name?: string;
  seq: number;
}

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'error';
}
export interface RowCounts {
  shown: number;
  total: number;
}

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
  /** The row a table is asked to show (null once shown). */
  reveal: RowReveal | null;
  /** Shows the table's tab with this row (by code or id), at the column if given; `name` for a row not found. */
  revealRow(r: Omit<RowReveal, 'seq'>): void;
  /** The table showed it (or has no such row): forget the ask. */
  revealDone(seq: number): void;
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
  const [reveal, setReveal] = useState<RowReveal | null>(null);
  const revealSeq = useRef(0);
  const revealRow = useCallback((r: Omit<RowReveal, 'seq'>) => {
    setTab(r.table);
    setReveal({ ...r, seq: ++revealSeq.current });
  }, []);
  const revealDone = useCallback((seq: number) => setReveal((r) => (r?.seq === seq ? null : r)), []);

  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), []);
  const notify = useCallback(
    (text: string, tone: Notice['tone'] = 'info') => {
      const id = nextId.current++;
      setNotices((n) => [...n.slice(-3), { id, text, tone }]);
      window.setTimeout(() => dismiss(id), tone === 'error' ? 10_000 : 4_000);
    },
    [dismiss],
  );
  const setCounts = useCallback(
    (t: TableName, c: RowCounts) => setAllCounts((prev) => (prev[t]?.shown === c.shown && prev[t]?.total === c.total ? prev : { ...prev, [t]: c })),
    [],
  );

  const ui = useMemo<Ui>(
    () => ({
      tab,
      setTab,
      dialog,
      openDialog: setDialog,
      closeDialog: () => setDialog(null),
      notices,
      notify,
      dismiss,
      counts,
      setCounts,
      geoVersion,
      geoChanged,
      reveal,
      revealRow,
      revealDone,
    }),
    [tab, dialog, notices, notify, dismiss, counts, setCounts, geoVersion, geoChanged, reveal, revealRow, revealDone],
  );

  return <UiCtx.Provider value={ui}>{children}</UiCtx.Provider>;
}

export function useUi(): Ui {
  const u = useContext(UiCtx);
  if (!u) throw new Error('useUi outside UiProvider');
  return u;
}
