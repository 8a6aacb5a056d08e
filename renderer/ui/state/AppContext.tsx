/**
 * The app's data: the open plan, its scenarios, the rows of the active scenario and the undo state.
 * Every call goes through the one client (renderer/api/client.ts) onto the service contract.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppStatus, CellValue, EditState, Invoke, PlanInfo } from './types.ts';
import type { Facility, Scenario, Unit } from '../../../shared/model/entities.ts';
import { createClientStore, createDataStore, DataProvider, type DataStore } from '../../api/index.ts';

export interface AppData {
  status: AppStatus | null;
  scenarios: Scenario[];
  scenarioId: number;
  units: Unit[] | null;
  facilities: Facility[] | null;
  editState: EditState | null;
  /** Writes in flight (the status bar shows 保存中… while > 0). */
  pendingWrites: number;
  startError: unknown;
  /** After 退出: the program has ended and the window only says so. */
  ended: boolean;
}

export interface AppActions {
  invoke: Invoke;
  start(): Promise<void>;
  /** After plan.new / plan.open / plan.saveAs / plan.openSample: reload everything. */
  planOpened(info: PlanInfo): Promise<void>;
  selectScenario(id: number): Promise<void>;
  reloadScenarios(): Promise<Scenario[]>;
  reloadRows(): Promise<void>;
  updateUnit(code: string, field: string, value: CellValue): Promise<Unit>;
  updateFacility(id: string, field: string, value: CellValue): Promise<Facility>;
  undo(): Promise<EditState | null>;
  redo(): Promise<EditState | null>;
  /** Runs a write, counting it as pending, then refreshes the plan info and the undo state. */
  write<T>(fn: () => Promise<T>): Promise<T>;
  /** 退出 (where status.canQuit): ends the program, then closes the window where the browser lets a page do so. */
  quit(): Promise<void>;
}

/**
 * Where the program ends by itself when no window is left (the portable launcher with a plain browser
 * tab, whose closing it cannot see), an open page says it is there. Background tabs run timers about
 * once a minute, so the launcher waits several minutes of silence (electron/portable/launch.ts).
 */
const HEARTBEAT_MS = 30_000;

const DataCtx = createContext<AppData | null>(null);
const ActionsCtx = createContext<AppActions | null>(null);

const INITIAL: AppData = {
  status: null,
  scenarios: [],
  scenarioId: 1,
  units: null,
  facilities: null,
  editState: null,
  pendingWrites: 0,
  startError: null,
  ended: false,
};

/**
 * The client, its cache (renderer/api) and the app's data. Tests pass a fake `invoke` (and the `revision`
 * its replies would carry: a change makes every mounted query read again) or a whole `store`.
 */
export function AppProvider({
  children,
  invoke: given,
  revision,
  store: givenStore,
}: {
  children: ReactNode;
  invoke?: Invoke;
  revision?: number;
  store?: DataStore;
}) {
  const [data, setData] = useState<AppData>(INITIAL);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` only seeds a new store; later ones reach it through setRevision below
  const store = useMemo(() => givenStore ?? (given ? createDataStore(given, revision ?? 0) : createClientStore().store), [given, givenStore]);
  useEffect(() => {
    if (revision !== undefined) store.setRevision(revision);
  }, [store, revision]);
  const invoke = store.invoke;
  const scenarioRef = useRef(1);
  const planRef = useRef<string | null>(null);
  const loadSeq = useRef(0);
  const heartbeat = useRef<ReturnType<typeof setInterval> | null>(null);
  const patch = useCallback(
    (p: Partial<AppData> | ((d: AppData) => Partial<AppData>)) => setData((d) => ({ ...d, ...(typeof p === 'function' ? p(d) : p) })),
    [],
  );

  const actions = useMemo<AppActions>(() => {
    /** Where a call was made: its reply is dropped if the user has since switched scenario or plan. */
    const here = () => {
      const scenarioId = scenarioRef.current;
      const plan = planRef.current;
      const samePlan = () => plan === planRef.current;
      return { scenarioId, samePlan, still: () => samePlan() && scenarioId === scenarioRef.current };
    };

    const refreshInfo = async () => {
      const at = here();
      const [plan, editState] = await Promise.all([invoke('plan.info', {}), invoke('edits.state', { scenarioId: at.scenarioId })]);
      if (at.samePlan()) patch((d) => ({ status: d.status ? { ...d.status, plan } : d.status, ...(at.still() ? { editState } : {}) }));
    };

    /** Loads the rows of a scenario; `clear` first empties the tables (another scenario's rows must not show). */
    const loadRows = async (scenarioId: number, clear: boolean) => {
      const seq = ++loadSeq.current;
      if (clear) patch({ units: null, facilities: null });
      const [units, facilities, editState] = await Promise.all([
        invoke('units.list', { scenarioId }),
        invoke('facilities.list', { scenarioId }),
        invoke('edits.state', { scenarioId }),
      ]);
      if (seq === loadSeq.current) patch({ units, facilities, editState });
    };

    const reloadScenarios = async () => {
      const scenarios = await invoke('scenarios.list', {});
      patch({ scenarios });
      return scenarios;
    };

    const write = async <T,>(fn: () => Promise<T>): Promise<T> => {
      patch((d) => ({ pendingWrites: d.pendingWrites + 1 }));
      try {
        return await fn();
      } finally {
        patch((d) => ({ pendingWrites: d.pendingWrites - 1 }));
        void refreshInfo().catch(() => undefined);
      }
    };

    const planOpened = async (info: PlanInfo) => {
      planRef.current = info.path;
      store.clear(); // another plan's answers and screen memory must not show in this one
      const status = await invoke('app.status', {});
      patch({ status: { ...status, plan: status.plan ?? info }, startError: null });
      const scenarios = await reloadScenarios();
      const baseline = scenarios.find((s) => s.baseline) ?? scenarios[0];
      scenarioRef.current = baseline?.id ?? 1;
      patch({ scenarioId: scenarioRef.current });
      await loadRows(scenarioRef.current, true);
    };

    const replace = <R,>(rows: R[] | null, isIt: (r: R) => boolean, next: R): R[] | null => (rows ? rows.map((r) => (isIt(r) ? next : r)) : rows);

    const undoRedo = (method: 'edits.undo' | 'edits.redo') => async () => {
      const at = here();
      const st = await write(() => invoke(method, { scenarioId: at.scenarioId }));
      if (!at.still()) return st;
      const [units, facilities] = await Promise.all([
        invoke('units.list', { scenarioId: at.scenarioId }),
        invoke('facilities.list', { scenarioId: at.scenarioId }),
      ]);
      if (at.still()) patch({ units, facilities, editState: st });
      return st;
    };

    return {
      invoke,
      async start() {
        patch({ startError: null });
        try {
          const status = await invoke('app.status', {});
          if (status.canQuit && !heartbeat.current) heartbeat.current = setInterval(() => void invoke('app.status', {}).catch(() => undefined), HEARTBEAT_MS);
          const plan = status.plan ?? (await invoke('plan.openSample', {}));
          await planOpened(plan);
        } catch (e) {
          patch({ startError: e });
        }
      },
      planOpened,
      async selectScenario(id) {
        scenarioRef.current = id;
        patch({ scenarioId: id });
        await loadRows(id, true);
      },
      reloadScenarios,
      reloadRows: () => loadRows(scenarioRef.current, false),
      async updateUnit(code, field, value) {
        const at = here();
        const row = await write(() => invoke('units.update', { scenarioId: at.scenarioId, code, field, value }));
        if (at.still()) patch((d) => ({ units: replace(d.units, (u) => u.code === code, row) }));
        return row;
      },
      async updateFacility(id, field, value) {
        const at = here();
        const row = await write(() => invoke('facilities.update', { scenarioId: at.scenarioId, id, field, value }));
        if (at.still()) patch((d) => ({ facilities: replace(d.facilities, (f) => f.id === id, row) }));
        return row;
      },
      undo: undoRedo('edits.undo'),
      redo: undoRedo('edits.redo'),
      write,
      async quit() {
        await invoke('app.quit', {});
        if (heartbeat.current) clearInterval(heartbeat.current);
        heartbeat.current = null;
        patch({ ended: true });
        window.close(); // an app-mode window may close itself; a tab stays and says the program has ended
      },
    };
  }, [invoke, patch, store]);

  return (
    <DataProvider store={store}>
      <ActionsCtx.Provider value={actions}>
        <DataCtx.Provider value={data}>{children}</DataCtx.Provider>
      </ActionsCtx.Provider>
    </DataProvider>
  );
}

export function useAppData(): AppData {
  const d = useContext(DataCtx);
  if (!d) throw new Error('useAppData outside AppProvider');
  return d;
}

export function useAppActions(): AppActions {
  const a = useContext(ActionsCtx);
  if (!a) throw new Error('useAppActions outside AppProvider');
  return a;
}

/** The active scenario object (baseline until the list is loaded). */
export function useActiveScenario(): Scenario | undefined {
  const { scenarios, scenarioId } = useAppData();
  return scenarios.find((s) => s.id === scenarioId);
}
