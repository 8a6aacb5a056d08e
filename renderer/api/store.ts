/**
 * The renderer's one data cache, held with the client (no React, no DOM: unit-tested as plain code).
 * Results are kept by method + arguments (stably stringified) + the plan revision they were read at: a
 * second reader of the same question at the same revision shares the first one's call (in flight or
 * done). When a reply says the revision moved (a write, from any screen or window), every mounted
 * query is told and reads again, showing what it had until the new answer comes (stale while revalidate).
 */
import type { ApiArgs, ApiMethod, ApiResult, Invoke } from '../../shared/api/contract.ts';
import { type InvokeText, textOver } from './client.ts';

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` are one question. */
export function stableStringify(v: unknown): string {
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`).join(',')}}`;
}

export const queryKey = (method: ApiMethod, args: unknown) => `${method} ${stableStringify(args ?? {})}`;

interface Entry {
  /** The call in flight, shared by every reader, and the revision it was asked at. */
  promise: Promise<unknown> | null;
  asked: number;
  /** The last answer and the revision it was read at. */
  has: boolean;
  data: unknown;
  revision: number;
}

export interface DataStore {
  readonly invoke: Invoke;
  /** A string result as a Blob (the client's text: not decoded on the main thread); not cached. */
  readonly text: InvokeText;
  /** The open plan's revision as the last reply said it. */
  revision(): number;
  /** A reply carried this revision (the client's onRevision); a change tells every subscriber. */
  setRevision(revision: number): void;
  /** Told on each revision change; returns the unsubscribe. */
  onRevision(fn: (revision: number) => void): () => void;
  /** The last answer to this question, at whatever revision (undefined: never asked). */
  peek<M extends ApiMethod>(method: M, args: ApiArgs<M>): { data: ApiResult<M>; revision: number } | undefined;
  /**
   * The answer at the current revision: from the cache, from a call already in flight, or from a new
   * call (`force`: a new call whatever is cached). Errors are not kept: the next read asks again.
   */
  fetch<M extends ApiMethod>(method: M, args: ApiArgs<M>, force?: boolean): Promise<ApiResult<M>>;
  /** Puts an answer in the cache (a screen that knows the new result without asking, e.g. costs just saved). */
  put<M extends ApiMethod>(method: M, args: ApiArgs<M>, data: ApiResult<M>): void;
  /** What screens keep while the plan is open (a form as typed, a choice): forgotten with the cache. */
  readonly memory: Map<string, unknown>;
  /**
   * What screens keep for the whole session, whichever plan is open (where the planner was on a screen: a
   * filter, a drill-down path, a selection), so that it outlives the tab switch: not forgotten by clear().
   * One per store (so per AppProvider): nothing module-wide.
   */
  readonly session: Map<string, unknown>;
  /** Another plan is open: forget every answer and the screens' memory; mounted queries drop theirs and ask again. */
  clear(): void;
  /** Told on clear(); returns the unsubscribe. */
  onClear(fn: () => void): () => void;
}

export function createDataStore(invoke: Invoke, initialRevision = 0, text: InvokeText = textOver(invoke)): DataStore {
  let revision = initialRevision;
  const entries = new Map<string, Entry>();
  const listeners = new Set<(r: number) => void>();
  const clearListeners = new Set<() => void>();
  const memory = new Map<string, unknown>();
  const session = new Map<string, unknown>();

  const call = <M extends ApiMethod>(key: string, method: M, args: ApiArgs<M>): Promise<ApiResult<M>> => {
    const entry: Entry = entries.get(key) ?? { promise: null, asked: revision, has: false, data: undefined, revision };
    const asked = revision;
    const p = invoke(method, args);
    entry.promise = p;
    entry.asked = asked;
    entries.set(key, entry);
    const settle = () => {
      if (entry.promise === p) entry.promise = null;
    };
    p.then((data) => {
      // A later call for this question (another revision, a forced read) has the last word.
      if (entry.promise !== p) return;
      settle();
      entry.has = true;
      entry.data = data;
      entry.revision = asked;
    }, settle); // errors are not kept: what was there stays (for showing), not as this revision's answer
    return p;
  };

  return {
    invoke,
    text,
    memory,
    session,
    revision: () => revision,
    setRevision(r) {
      if (r === revision) return;
      revision = r;
      for (const fn of [...listeners]) fn(r);
    },
    onRevision(fn) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    peek(method, args) {
      const e = entries.get(queryKey(method, args));
      return e?.has ? { data: e.data as ApiResult<typeof method>, revision: e.revision } : undefined;
    },
    fetch(method, args, force = false) {
      const key = queryKey(method, args);
      const e = entries.get(key);
      if (!force && e) {
        if (e.promise && e.asked === revision) return e.promise as Promise<ApiResult<typeof method>>;
        if (!e.promise && e.has && e.revision === revision) return Promise.resolve(e.data as ApiResult<typeof method>);
      }
      return call(key, method, args);
    },
    put(method, args, data) {
      entries.set(queryKey(method, args), { promise: null, asked: revision, has: true, data, revision });
    },
    clear() {
      entries.clear();
      memory.clear();
      for (const fn of [...clearListeners]) fn();
    },
    onClear(fn) {
      clearListeners.add(fn);
      return () => {
        clearListeners.delete(fn);
      };
    },
  };
}

/** What a query shows. */
export interface QueryState<M extends ApiMethod, T = ApiResult<M>> {
  /** The last answer (perhaps of an earlier revision, or of the previous arguments with keepPrevious). */
  data: T | null;
  /** The question `data` answers (null: no data), and its arguments. */
  dataKey: string | null;
  dataArgs: ApiArgs<M> | null;
  error: unknown;
  /** A call is in flight (or due) for the current question. */
  loading: boolean;
}

export interface QueryOptions {
  /** false: ask nothing (yet); what was shown stays. Default true. */
  enabled?: boolean;
  /** Keep showing the previous question's answer while another is asked (e.g. another scenario's report). */
  keepPrevious?: boolean;
  /**
   * false: an answer at any revision will do — a revision move does not read again, nor does mounting;
   * the screen asks again itself (refetch) when what it shows can have changed. For large data only
   * some writes change (the map's roads and boundaries), which every edit must not read again. Default true.
   */
  follow?: boolean;
}

/**
 * One mounted query: the question it asks now, and what it shows. Newest request wins — a reply to
 * earlier arguments or an earlier revision is dropped; a revision change asks again (while started).
 */
export class QueryObserver<M extends ApiMethod> {
  private seq = 0;
  private method: M | null = null;
  private args: ApiArgs<M> | null = null;
  private key: string | null = null;
  private enabled = false;
  private keepPrevious = false;
  private follow = true;
  private unsubscribe: (() => void) | null = null;
  private listeners = new Set<() => void>();
  private snapshot: QueryState<M> = { data: null, dataKey: null, dataArgs: null, error: null, loading: false };

  private readonly store: DataStore;

  constructor(store: DataStore, method?: M, args?: ApiArgs<M>, opts: QueryOptions = {}) {
    this.store = store;
    if (method !== undefined && args !== undefined) {
      // What the cache has is shown from the first render (coming back to a tab shows the last answer at once).
      const key = queryKey(method, args);
      const had = store.peek(method, args);
      const enabled = opts.enabled ?? true;
      const follow = opts.follow ?? true;
      this.snapshot = {
        data: had ? had.data : null,
        dataKey: had ? key : null,
        dataArgs: had ? args : null,
        error: null,
        loading: enabled && (!had || (follow && had.revision !== store.revision())),
      };
    }
  }

  getSnapshot = (): QueryState<M> => this.snapshot;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  };

  private emit(next: Partial<QueryState<M>>) {
    this.snapshot = { ...this.snapshot, ...next };
    for (const fn of [...this.listeners]) fn();
  }

  /** Listens to revision changes (a mounted query). */
  start(): void {
    if (this.unsubscribe) return;
    const offRevision = this.store.onRevision(() => {
      if (this.enabled && this.follow) this.run(false);
    });
    const offClear = this.store.onClear(() => {
      // Another plan: nothing of the last one is shown, not even while this one's answer comes.
      this.seq++;
      this.emit({ data: null, dataKey: null, dataArgs: null, error: null, loading: false });
      if (this.enabled) this.run(false);
    });
    this.unsubscribe = () => {
      offRevision();
      offClear();
    };
  }

  /** Unmounted: no more reading, and the reply in flight is dropped. */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.seq++;
  }

  /** The question now; asks when it changed (or when it was never answered at this revision). */
  set(method: M, args: ApiArgs<M>, opts: QueryOptions = {}): void {
    const key = queryKey(method, args);
    const enabled = opts.enabled ?? true;
    this.keepPrevious = !!opts.keepPrevious;
    const follow = opts.follow ?? true;
    const same = key === this.key && enabled === this.enabled && follow === this.follow;
    this.follow = follow;
    this.method = method;
    this.args = args;
    this.key = key;
    this.enabled = enabled;
    if (same) return;
    if (!enabled) {
      this.seq++;
      if (this.snapshot.loading) this.emit({ loading: false });
      return;
    }
    if (this.snapshot.dataKey !== key) {
      const had = this.store.peek(method, args);
      if (had) this.emit({ data: had.data, dataKey: key, dataArgs: args, error: null });
      else if (!this.keepPrevious && this.snapshot.dataKey !== null) this.emit({ data: null, dataKey: null, dataArgs: null, error: null });
      else if (this.snapshot.error) this.emit({ error: null });
    }
    this.run(false);
  }

  /** Asks again now (retry): a new call whatever the cache holds. */
  refetch(): void {
    if (this.method !== null && this.args !== null) this.run(true);
  }

  private run(force: boolean) {
    const method = this.method,
      args = this.args,
      key = this.key;
    if (method === null || args === null || key === null) return;
    const n = ++this.seq;
    const had = force ? undefined : this.store.peek(method, args);
    if (had && (had.revision === this.store.revision() || !this.follow)) {
      // Answered at this revision already (another screen asked), or any answer will do: shown at once, no call.
      if (this.snapshot.data !== had.data || this.snapshot.loading || this.snapshot.error)
        this.emit({ data: had.data, dataKey: key, dataArgs: args, error: null, loading: false });
      return;
    }
    if (!this.snapshot.loading) this.emit({ loading: true });
    this.store.fetch(method, args, force).then(
      (data) => {
        if (n !== this.seq) return;
        this.emit({ data, dataKey: key, dataArgs: args, error: null, loading: false });
      },
      (error: unknown) => {
        if (n !== this.seq) return;
        this.emit({ error, loading: false });
      },
    );
  }
}
