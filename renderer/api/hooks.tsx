/**
 * How a screen asks for data: `useQuery(method, args)` for what it reads, `useJob(kind, args)` for a long
 * analysis, both over the one DataStore the provider holds with the client (store.ts). Typed from the
 * contract; newest request wins; every mounted query reads again when the plan's revision moves.
 */
import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiArgs, ApiMethod, ApiResult } from '../../shared/api/contract.ts';
import { JobRunner, type JobArgs, type JobKind, type JobProgress, type JobResult, type JobState } from './job.ts';
import { QueryObserver, queryKey, type DataStore, type QueryOptions } from './store.ts';

const StoreCtx = createContext<DataStore | null>(null);

/** Makes `store` the one every useQuery/useJob below reads through (AppProvider puts the client's here). */
export function DataProvider({ store, children }: { store: DataStore; children: ReactNode }) {
  return <StoreCtx.Provider value={store}>{children}</StoreCtx.Provider>;
}

export function useDataStore(): DataStore {
  const s = useContext(StoreCtx);
  if (!s) throw new Error('useDataStore outside DataProvider');
  return s;
}

/** The plan's revision, as the last reply said it (re-renders when it moves). */
export function useRevision(): number {
  const store = useDataStore();
  return useSyncExternalStore(store.onRevision, store.revision);
}

export interface Query<T, A = unknown> {
  /** The last answer (kept while the next is asked; null before the first). */
  data: T | null;
  /** The arguments `data` answers (with keepPrevious, perhaps not the ones asked now). */
  dataArgs: A | null;
  error: unknown;
  loading: boolean;
  /** Asks again now (a retry after an error). */
  refetch(): void;
}

/**
 * What the service answers to `method(args)`, read through the client's cache. `enabled: false` asks
 * nothing (yet); `keepPrevious` keeps the previous arguments' answer on screen while new ones are asked;
 * `follow: false` does not read again when the revision moves (the screen says when, with refetch).
 */
export function useQuery<M extends ApiMethod>(method: M, args: ApiArgs<M>, opts: QueryOptions = {}): Query<ApiResult<M>, ApiArgs<M>> {
  const store = useDataStore();
  const enabled = opts.enabled ?? true;
  const keepPrevious = !!opts.keepPrevious;
  const follow = opts.follow ?? true;
  const key = queryKey(method, args);
  const [obs] = useState(() => new QueryObserver<M>(store, method, args, opts));
  const state = useSyncExternalStore(obs.subscribe, obs.getSnapshot);

  useEffect(() => {
    obs.start();
    return () => obs.stop();
  }, [obs]);
  // `key` stands for method and args (stably stringified): a new object with the same content asks nothing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is method+args by content; the args object is new on every render
  useEffect(() => {
    obs.set(method, args, { enabled, keepPrevious, follow });
  }, [obs, key, enabled, keepPrevious, follow]);

  const refetch = useCallback(() => obs.refetch(), [obs]);
  // Until the effect has asked, an answer to other arguments is not shown as this one's (unless kept on purpose).
  let { data, dataArgs, loading } = state;
  if (state.dataKey !== key && !keepPrevious) {
    const had = store.peek(method, args);
    data = had ? had.data : null;
    dataArgs = had ? args : null;
    loading = enabled && (!had || (follow && had.revision !== store.revision()));
  }
  return { data, dataArgs, error: state.error, loading, refetch };
}

export interface Job<K extends JobKind> extends JobState<JobResult<K>, JobArgs<K>> {
  /** Runs now with these arguments (again, if they ran already), cancelling what runs. */
  run(args: JobArgs<K>): void;
  /** Cancels the running job (on the service too). */
  stop(): void;
  /** Cancels what runs and drops the result (also from where it is kept). */
  clear(): void;
}

/** What an analysis panel shows of its job and offers (the access and siting panels' runs extend it). */
export interface JobControls {
  busy: boolean;
  /** When the run in progress started (for the elapsed time shown), and how far it is. */
  startedAt: number | null;
  progress: JobProgress | null;
  error: unknown;
  /** Runs the question as the panel has it now. */
  run(): void;
  cancel(): void;
  /** 清除: no result shown any more. */
  clear(): void;
}

export interface JobOptions {
  /**
   * A key of the plan's screen memory (as useKept's) under which the result is kept: coming back to the
   * screen shows it, another plan forgets it. When the key changes (another scenario) what runs is
   * cancelled and the result kept under the new key is shown.
   */
  keep?: string;
}

/**
 * A long analysis of `kind` (access.start → access.job … → result; access.cancel): with `args` it runs
 * whenever they change (newest wins: the older is cancelled), with null nothing runs; run() starts one
 * by hand. Leaving the screen cancels what runs; another plan drops the result.
 */
export function useJob<K extends JobKind>(kind: K, args: JobArgs<K> | null = null, opts: JobOptions = {}): Job<K> {
  const store = useDataStore();
  const { keep } = opts;
  const [runner] = useState(() => {
    const r = new JobRunner<K>(store.invoke, kind, store.revision);
    if (keep !== undefined) r.keepIn(store.memory, keep);
    return r;
  });
  const state = useSyncExternalStore(runner.subscribe, runner.getSnapshot);
  const key = args === null ? null : queryKey(`${kind}.start` as ApiMethod, args);
  useEffect(() => {
    if (keep !== undefined) runner.keepIn(store.memory, keep);
  }, [runner, store, keep]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the args by content (the object is new on every render): equal args do not run again
  useEffect(() => {
    if (key !== null) runner.set(args);
  }, [runner, key]);
  useEffect(() => store.onClear(() => runner.forget()), [runner, store]);
  useEffect(() => () => runner.dispose(), [runner]);
  const run = useCallback((a: JobArgs<K>) => runner.run(a), [runner]);
  const stop = useCallback(() => runner.stop(), [runner]);
  const clear = useCallback(() => runner.forget(), [runner]);
  return { ...state, run, stop, clear };
}

/**
 * useState that outlives the screen while the plan stays open (a form as typed, a result): kept in the
 * store's memory, which is forgotten when another plan is opened.
 */
export function useKept<T>(key: string, initial: T): [T, (u: T | ((old: T) => T)) => void] {
  return useMemoryState(key, initial, useDataStore().memory);
}

/** useState whose every value is also written to `memory` under `key`, and read back from it on mount. */
export function useMemoryState<T>(key: string, initial: T, memory: Map<string, unknown>): [T, (u: T | ((old: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback(
    (u: T | ((old: T) => T)) => {
      setValue((old) => {
        const next = typeof u === 'function' ? (u as (o: T) => T)(old) : u;
        memory.set(key, next);
        return next;
      });
    },
    [key, memory],
  );
  return [value, set];
}
