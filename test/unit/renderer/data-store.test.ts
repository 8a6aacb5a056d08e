// The renderer's data layer (renderer/api): the one cache held with the client, a mounted query
// (QueryObserver, what useQuery wraps) and a job (JobRunner, what useJob wraps), driven by a fake
// invoke whose replies the test releases one by one.
import { describe, expect, it } from 'vitest';
import type { ApiMethod, Invoke } from '../../../shared/api/contract.ts';
import { JobRunner } from '../../../renderer/api/job.ts';
import { createDataStore, QueryObserver, queryKey, stableStringify } from '../../../renderer/api/store.ts';

interface Call {
  method: string;
  args: unknown;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

/** An invoke that answers only when the test says so; `calls` lists what was asked, in order. */
function fakeInvoke() {
  const calls: Call[] = [];
  const invoke = ((method: ApiMethod, args: unknown) =>
    new Promise((resolve, reject) => {
      calls.push({ method, args, resolve, reject });
    })) as unknown as Invoke;
  return { invoke, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the data store and a mounted query', () => {
  it('two users of one question at one revision make one call, and a later one reads the cache', async () => {
    const { invoke, calls } = fakeInvoke();
    const store = createDataStore(invoke, 1);
    const a = new QueryObserver(store);
    const b = new QueryObserver(store);
    a.set('gaps.settings', {});
    b.set('gaps.settings', {});
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ standardId: 'national-2025', year: 2025 });
    await tick();
    expect(a.getSnapshot().data).toEqual({ standardId: 'national-2025', year: 2025 });
    expect(b.getSnapshot().data).toEqual({ standardId: 'national-2025', year: 2025 });
    // A screen mounted afterwards shows the answer at once, without asking.
    const c = new QueryObserver(store, 'gaps.settings', {});
    expect(c.getSnapshot()).toMatchObject({ data: { standardId: 'national-2025', year: 2025 }, loading: false });
    c.set('gaps.settings', {});
    expect(calls).toHaveLength(1);
  });

  it('the newest request wins: a reply to earlier arguments that comes last is dropped', async () => {
    const { invoke, calls } = fakeInvoke();
    const store = createDataStore(invoke, 1);
    const q = new QueryObserver<'brief.get'>(store);
    q.set('brief.get', { scenarioId: 1, lang: 'zh-CN' });
    q.set('brief.get', { scenarioId: 2, lang: 'zh-CN' });
    expect(calls.map((c) => (c.args as { scenarioId: number }).scenarioId)).toEqual([1, 2]);
    calls[1]!.resolve({ planName: 'scenario 2' });
    await tick();
    calls[0]!.resolve({ planName: 'scenario 1' });
    await tick();
    expect(q.getSnapshot()).toMatchObject({ data: { planName: 'scenario 2' }, dataArgs: { scenarioId: 2 }, loading: false });
  });

  it('a revision change makes every mounted query read again, showing the old answer until the new one comes', async () => {
    const { invoke, calls } = fakeInvoke();
    const store = createDataStore(invoke, 3);
    const q = new QueryObserver<'standards.list'>(store);
    q.start();
    q.set('standards.list', {});
    calls[0]!.resolve([{ id: 'a' }]);
    await tick();
    expect(q.getSnapshot().data).toEqual([{ id: 'a' }]);

    store.setRevision(3); // the same revision (a read's reply): nothing to do
    expect(calls).toHaveLength(1);
    store.setRevision(4); // a write, from this screen or another
    expect(calls).toHaveLength(2);
    expect(q.getSnapshot()).toMatchObject({ data: [{ id: 'a' }], loading: true });
    calls[1]!.resolve([{ id: 'a' }, { id: 'b' }]);
    await tick();
    expect(q.getSnapshot()).toMatchObject({ data: [{ id: 'a' }, { id: 'b' }], loading: false });

    // Unmounted: no longer told.
    q.stop();
    store.setRevision(5);
    expect(calls).toHaveLength(2);
  });

  it('a reply to the revision before is dropped when the revision moved while it was on its way', async () => {
    const { invoke, calls } = fakeInvoke();
    const store = createDataStore(invoke, 1);
    const q = new QueryObserver<'timeline.summary'>(store);
    q.start();
    q.set('timeline.summary', { scenarioId: 1, standardId: 's' });
    store.setRevision(2);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ years: ['after the write'] });
    await tick();
    calls[0]!.resolve({ years: ['before the write'] });
    await tick();
    expect(q.getSnapshot().data).toEqual({ years: ['after the write'] });
    // The cache holds the newer answer too.
    expect(store.peek('timeline.summary', { standardId: 's', scenarioId: 1 })).toEqual({ data: { years: ['after the write'] }, revision: 2 });
  });

  it('an error is surfaced, the last answer stays, and a retry asks again and clears it', async () => {
    const { invoke, calls } = fakeInvoke();
    const store = createDataStore(invoke, 1);
    const q = new QueryObserver<'scenarios.compare'>(store);
    q.start();
    q.set('scenarios.compare', { scenarioIds: [1, 2], level: 'county' });
    calls[0]!.resolve({ rows: [1] });
    await tick();
    store.setRevision(2);
    const boom = new Error('方案文件被占用');
    calls[1]!.reject(boom);
    await tick();
    expect(q.getSnapshot()).toMatchObject({ data: { rows: [1] }, error: boom, loading: false });
    q.refetch();
    expect(calls).toHaveLength(3);
    calls[2]!.resolve({ rows: [1, 2] });
    await tick();
    expect(q.getSnapshot()).toMatchObject({ data: { rows: [1, 2] }, error: null });
  });

  it('another question shows nothing of the last one, unless asked to keep it; another plan drops everything', async () => {
    const { invoke, calls } = fakeInvoke();
    const store = createDataStore(invoke, 1);
    const plain = new QueryObserver<'brief.get'>(store);
    const keeping = new QueryObserver<'gaps.evaluate'>(store);
    plain.start();
    keeping.start();
    plain.set('brief.get', { scenarioId: 1, lang: 'zh-CN' });
    keeping.set('gaps.evaluate', { scenarioId: 1, standardId: 's', year: 2025 }, { keepPrevious: true });
    calls[0]!.resolve({ planName: '1' });
    calls[1]!.resolve({ results: ['1'] });
    await tick();
    plain.set('brief.get', { scenarioId: 2, lang: 'zh-CN' });
    keeping.set('gaps.evaluate', { scenarioId: 2, standardId: 's', year: 2025 }, { keepPrevious: true });
    expect(plain.getSnapshot()).toMatchObject({ data: null, loading: true });
    expect(keeping.getSnapshot()).toMatchObject({ data: { results: ['1'] }, dataArgs: { scenarioId: 1 }, loading: true });

    store.memory.set('allocation.form', { budget: 3000 });
    store.clear();
    expect(keeping.getSnapshot().data).toBeNull();
    expect(store.memory.size).toBe(0);
    expect(store.peek('brief.get', { scenarioId: 1, lang: 'zh-CN' })).toBeUndefined();
  });

  it('a disabled query asks nothing, also when the revision moves', () => {
    const { invoke, calls } = fakeInvoke();
    const store = createDataStore(invoke, 1);
    const q = new QueryObserver<'gaps.settings'>(store);
    q.start();
    q.set('gaps.settings', {}, { enabled: false });
    store.setRevision(2);
    expect(calls).toHaveLength(0);
    q.set('gaps.settings', {}, { enabled: true });
    expect(calls).toHaveLength(1);
  });

  it("a query that does not follow the revision (the map's roads) keeps its answer through writes and reads again only when asked", async () => {
    const { invoke, calls } = fakeInvoke();
    const store = createDataStore(invoke, 1);
    const q = new QueryObserver<'map.boundaries'>(store);
    q.start();
    q.set('map.boundaries', {}, { follow: false });
    calls[0]!.resolve({ features: ['street 1'] });
    await tick();
    store.setRevision(2); // a facility moved: the boundaries are what they were
    expect(calls).toHaveLength(1);
    // Mounted again (the tab shown again) after the write: the answer of revision 1 is shown, not asked again.
    const again = new QueryObserver<'map.boundaries'>(store, 'map.boundaries', {}, { follow: false });
    expect(again.getSnapshot()).toMatchObject({ data: { features: ['street 1'] }, loading: false });
    again.set('map.boundaries', {}, { follow: false });
    expect(calls).toHaveLength(1);
    // Boundaries imported: the screen asks.
    q.refetch();
    calls[1]!.resolve({ features: ['street 1', 'street 2'] });
    await tick();
    expect(q.getSnapshot().data).toEqual({ features: ['street 1', 'street 2'] });
    // A following query of the same question does read again at a newer revision.
    const following = new QueryObserver<'map.boundaries'>(store);
    store.setRevision(3);
    following.set('map.boundaries', {});
    expect(calls).toHaveLength(3);
  });

  it('a query that starts following (a target chosen to colour the map) reads again if its answer is of an earlier revision', async () => {
    const { invoke, calls } = fakeInvoke();
    const store = createDataStore(invoke, 1);
    const q = new QueryObserver<'gaps.evaluate'>(store);
    q.start();
    const args = { scenarioId: 1, level: 'township', onlyShort: false } as const;
    q.set('gaps.evaluate', args, { follow: false });
    calls[0]!.resolve({ results: ['before the edit'] });
    await tick();
    store.setRevision(2);
    q.set('gaps.evaluate', args, { follow: false });
    expect(calls).toHaveLength(1);
    q.set('gaps.evaluate', args, { follow: true });
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ results: ['after the edit'] });
    await tick();
    expect(q.getSnapshot().data).toEqual({ results: ['after the edit'] });
    store.setRevision(3); // while following, every write reads again
    expect(calls).toHaveLength(3);
  });

  it('arguments are one question whatever the order of their keys', () => {
    expect(stableStringify({ b: [1, { d: 1, c: 2 }], a: null, u: undefined })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
    expect(queryKey('gaps.evaluate', { year: 2025, scenarioId: 1 })).toBe(queryKey('gaps.evaluate', { scenarioId: 1, year: 2025 }));
  });
});

describe('a job (useJob)', () => {
  /** access.start answers job ids 1, 2, …; access.job and access.cancel are recorded. */
  function jobService() {
    const asked: string[] = [];
    const polls = new Map<number, (v: unknown) => void>();
    let next = 1;
    const invoke = (async (method: string, args: { job?: number; scenarioId?: number }) => {
      asked.push(`${method} ${args.job ?? args.scenarioId}`);
      if (method === 'access.start') return { job: next++ };
      if (method === 'access.cancel') return { cancelled: true };
      return new Promise((resolve) => polls.set(args.job!, resolve));
    }) as unknown as Invoke;
    return { invoke, asked, polls };
  }

  it('runs for its arguments, a newer run cancels the older (whose answer is dropped), and stopping cancels on the service', async () => {
    const { invoke, asked, polls } = jobService();
    let revision = 7;
    const runner = new JobRunner(
      invoke,
      'access',
      () => revision,
      () => Promise.resolve(),
    );
    const query = (scenarioId: number) => ({ scenarioId, types: ['hospital'], urbanMinutes: 30, ruralMinutes: 60 }) as never;
    runner.set(query(1));
    await tick();
    expect(runner.getSnapshot().startedAt).not.toBeNull();
    polls.get(1)!({ state: 'running', stage: 'roads', share: 0.5 });
    await tick();
    expect(runner.getSnapshot().progress).toEqual({ stage: 'roads', share: 0.5 });

    runner.set(query(2));
    await tick();
    expect(asked).toContain('access.cancel 1');
    polls.get(1)!({ state: 'done', stage: '', share: 1, result: { for: 1 } });
    polls.get(2)!({ state: 'done', stage: '', share: 1, result: { for: 2 } });
    await tick();
    expect(runner.getSnapshot()).toMatchObject({ result: { for: 2 }, resultRevision: 7, startedAt: null, error: null });

    // The same arguments again: nothing new runs.
    runner.set(query(2));
    expect(asked.filter((a) => a.startsWith('access.start'))).toHaveLength(2);

    revision = 8;
    runner.run(query(2));
    await tick();
    runner.dispose(); // leaving the screen
    expect(asked.at(-1)).toBe('access.cancel 3');
    expect(runner.getSnapshot()).toMatchObject({ result: { for: 2 }, startedAt: null });
  });

  it('an error of the service is surfaced', async () => {
    const invoke = (async () => {
      throw new Error('没有路网');
    }) as unknown as Invoke;
    const runner = new JobRunner(
      invoke,
      'siting',
      () => 1,
      () => Promise.resolve(),
    );
    runner.run({ scenarioId: 1 } as never);
    await tick();
    expect((runner.getSnapshot().error as Error).message).toBe('没有路网');
    expect(runner.getSnapshot().startedAt).toBeNull();
  });

  it('a kept result comes back on a new runner for the same key, another key shows its own and cancels what ran, forget drops it', async () => {
    const { invoke, asked, polls } = jobService();
    const memory = new Map<string, unknown>();
    const query = (scenarioId: number) => ({ scenarioId, types: ['ems_station'], urbanMinutes: 10, ruralMinutes: 30 }) as never;
    const first = new JobRunner(
      invoke,
      'access',
      () => 4,
      () => Promise.resolve(),
    );
    first.keepIn(memory, 'map.access|1');
    first.run(query(1));
    await tick();
    polls.get(1)!({ state: 'done', stage: '', share: 1, result: { for: 1 } });
    await tick();
    first.dispose(); // the planner opens another tab

    const back = new JobRunner(
      invoke,
      'access',
      () => 5,
      () => Promise.resolve(),
    );
    back.keepIn(memory, 'map.access|1');
    expect(back.getSnapshot()).toMatchObject({ result: { for: 1 }, resultArgs: { scenarioId: 1 }, resultRevision: 4, startedAt: null });

    back.run(query(1));
    await tick();
    back.keepIn(memory, 'map.access|2'); // another scenario: nothing kept for it, and the run for scenario 1 is cancelled
    expect(asked.at(-1)).toBe('access.cancel 2');
    expect(back.getSnapshot()).toMatchObject({ result: null, resultArgs: null, startedAt: null });
    polls.get(2)!({ state: 'done', stage: '', share: 1, result: { for: 'late' } });
    await tick();
    expect(back.getSnapshot().result).toBeNull();
    expect(memory.get('map.access|1')).toMatchObject({ result: { for: 1 } });

    back.keepIn(memory, 'map.access|1');
    expect(back.getSnapshot().result).toEqual({ for: 1 });
    back.forget(); // 清除
    expect(back.getSnapshot().result).toBeNull();
    expect(memory.has('map.access|1')).toBe(false);
  });
});
