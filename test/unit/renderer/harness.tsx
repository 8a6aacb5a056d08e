/**
 * Feature hooks rendered as the app renders them: inside AppProvider (with a fake invoke) and UiProvider,
 * the plan opened by AppProvider's start() as in the window. The fake service answers the contract's
 * methods with hand-made replies, records every call, and can hold a reply until the test releases it
 * (to make an older reply arrive after a newer one). Like the real client, each reply tells the store
 * the plan revision it carries.
 */
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import type { ApiArgs, ApiMethod, ApiResult, Invoke } from '../../../shared/api/contract.ts';
import type { PlanInfo } from '../../../shared/api/methods/plan.ts';
import type { Scenario } from '../../../shared/model/entities.ts';
import { createDataStore, type DataStore } from '../../../renderer/api/index.ts';
import { initI18n } from '../../../renderer/ui/i18n/index.ts';
import { AppProvider, useAppActions } from '../../../renderer/ui/state/AppContext.tsx';
import { UiProvider } from '../../../renderer/ui/state/UiContext.tsx';

initI18n();

export type Handler<M extends ApiMethod> = (args: ApiArgs<M>) => ApiResult<M> | Promise<ApiResult<M>>;
export type Handlers = { [M in ApiMethod]?: Handler<M> };
export interface Call {
  method: ApiMethod;
  args: unknown;
}

/** A promise the test settles: `release(v)` answers, `fail(e)` refuses. */
export interface Held<T> {
  promise: Promise<T>;
  release(v: T): void;
  fail(e: unknown): void;
}
export function held<T>(): Held<T> {
  let release!: (v: T) => void, fail!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    release = res;
    fail = rej;
  });
  return { promise, release, fail };
}

export const PLAN_PATH = '/plans/示例县.healthplan';
export function planInfo(path = PLAN_PATH): PlanInfo {
  return {
    path,
    name: '示例县',
    readOnly: false,
    readOnlyReason: null,
    isSample: false,
    schemaVersion: 1,
    savedAt: null,
    counts: { unitsByKind: {}, facilitiesByType: {}, scenarios: 2, population: 0 },
  };
}
export const SCENARIOS: Scenario[] = [
  { id: 1, name: '现状', baseline: true, created_at: '2026-01-01', note: null },
  { id: 2, name: '新建急救站', baseline: false, created_at: '2026-01-02', note: null },
];

/** What opening a plan asks (app.status, scenarios, rows, undo state), answered for a plan with two scenarios. */
function openingHandlers(path: string): Handlers {
  return {
    'app.status': () => ({ plan: planInfo(path), recent: [], version: 'test', door: 'web', plansDir: '/plans', canQuit: false }),
    'plan.info': () => planInfo(path),
    'scenarios.list': () => SCENARIOS,
    'units.list': () => [],
    'facilities.list': () => [],
    'edits.state': () => ({ undo: null, redo: null }),
  };
}

export interface FakeService {
  invoke: Invoke;
  /** Every call in order. */
  calls: Call[];
  /** The calls of one method, their arguments in order. */
  argsOf<M extends ApiMethod>(method: M): ApiArgs<M>[];
  handlers: Handlers;
  /** The plan's revision each reply carries. */
  revision: number;
  /** The store the app reads through (its revision follows the replies, as with the real client). */
  store: DataStore;
  /** A write elsewhere (another screen or window): the revision moves and the store is told, as a reply would tell it. */
  bump(): void;
}

export function fakeService(handlers: Handlers = {}, path = PLAN_PATH): FakeService {
  const all: Handlers = { ...openingHandlers(path), ...handlers };
  const calls: Call[] = [];
  const svc: FakeService = {
    calls,
    handlers: all,
    revision: 1,
    invoke: (async (method: ApiMethod, args: unknown) => {
      calls.push({ method, args });
      const h = all[method] as ((a: unknown) => unknown) | undefined;
      if (!h) throw new Error(`the fake service does not answer ${method}`);
      const result = await h(args);
      svc.store.setRevision(svc.revision);
      return result;
    }) as Invoke,
    argsOf: <M extends ApiMethod>(method: M) => calls.filter((c) => c.method === method).map((c) => c.args as ApiArgs<M>),
    store: null as unknown as DataStore,
    bump() {
      svc.revision++;
      act(() => svc.store.setRevision(svc.revision));
    },
  };
  svc.store = createDataStore(svc.invoke, svc.revision);
  return svc;
}

/** Opens the plan once mounted, as the app's shell does. */
function Start() {
  const { start } = useAppActions();
  useEffect(() => {
    void start();
  }, [start]);
  return null;
}

export function Providers({ service, children }: { service: FakeService; children: ReactNode }) {
  return (
    <AppProvider store={service.store}>
      <UiProvider>
        <Start />
        {children}
      </UiProvider>
    </AppProvider>
  );
}

/** A feature hook rendered inside the app's providers with `service`, the plan open. */
export function renderFeatureHook<R, P>(hook: (props: P) => R, service: FakeService, initialProps?: P) {
  return renderHook(hook, {
    wrapper: ({ children }) => <Providers service={service}>{children}</Providers>,
    ...(initialProps === undefined ? {} : { initialProps }),
  });
}

export { act, render, waitFor };
