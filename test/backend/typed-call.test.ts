// The Node-side `call` is typed from the contract: a wrong argument does not compile (tsc checks the
// lines marked ts-expect-error: were `call` untyped again, each would be an unused directive and tsc would fail).
// `invoke` stays untyped for what comes over a door; at run time both go through the same zod check.
import { afterAll, describe, expect, it } from 'vitest';
import { createPlannerService } from '../../electron/backend/service.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { tmpDir } from './tmp.ts';

const svc = createPlannerService({ door: 'direct', home: tmpDir() });
afterAll(() => svc.close());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: unknown) => (e instanceof ApiError ? e.code : String(e)),
  );

describe("svc.call takes the method's argument type", () => {
  it('a scenario named instead of numbered, a table that does not exist, a missing path: compile errors, and INVALID_ARGS if sent anyway', async () => {
    // @ts-expect-error scenarioId is a number (the scenario's id), not its name
    expect(await codeOf(svc.call('units.list', { scenarioId: 'baseline' }))).toBe('INVALID_ARGS');
    // @ts-expect-error table is 'units' or 'facilities'
    expect(await codeOf(svc.call('table.import', { table: 'roads', scenarioId: 1, file: { fileName: 'r.csv', dataBase64: '' } }))).toBe('INVALID_ARGS');
    // @ts-expect-error plan.open needs the plan's path
    expect(await codeOf(svc.call('plan.open', {}))).toBe('INVALID_ARGS');
  });

  it("the same bad shape through invoke (the doors' path) is refused the same way", async () => {
    expect(await codeOf(svc.invoke('units.list', { scenarioId: 'baseline' }))).toBe('INVALID_ARGS');
    expect(await codeOf(svc.invoke('plan.open', {}))).toBe('INVALID_ARGS');
  });

  it('a right shape compiles and reaches the handler (NO_PLAN: nothing is open yet)', async () => {
    expect(await codeOf(svc.call('units.list', { scenarioId: 1 }))).toBe('NO_PLAN');
  });
});
