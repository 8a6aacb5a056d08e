// One source for the siting defaults: the service's schema (shared/api/methods/siting.ts) fills in what a caller
// leaves out from SITING_DEFAULTS (shared/siting/presets.ts), the same object the CLI's --help and the map's
// 设施选址 panel read — so changing a default there changes it for every door, and none can drift.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('../../shared/siting/presets.ts');
  vi.resetModules();
});

describe("the siting schema's defaults", () => {
  it('are read from SITING_DEFAULTS: other shared values give other filled-in values', async () => {
    vi.resetModules();
    vi.doMock('../../shared/siting/presets.ts', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../shared/siting/presets.ts')>();
      return {
        ...real,
        SITING_DEFAULTS: { ...real.SITING_DEFAULTS, dispatchMinutes: 2, cutoffMinutes: 45, capacity: 5000, exact: 'never', timeLimitSeconds: 12 },
      };
    });
    const { SitingQuerySchema } = await import('../../shared/api/methods/siting.ts');
    expect(SitingQuerySchema.parse({ scenarioId: 1, model: 'mclp', type: 'ems_station' })).toMatchObject({
      dispatchMinutes: 2,
      cutoffMinutes: 45,
      capacity: 5000,
      exact: 'never',
      timeLimitSeconds: 12,
    });
  });

  it('are, as shipped, no dispatch delay, a 60-minute p-median cutoff, no capacity, the exact solver when small, 30 s', async () => {
    const { SitingQuerySchema } = await import('../../shared/api/methods/siting.ts');
    const q = SitingQuerySchema.parse({ scenarioId: 1, model: 'pmedian', type: 'sub_centre' });
    expect(q).toMatchObject({
      dispatchMinutes: 0,
      cutoffMinutes: 60,
      capacity: null,
      exact: 'auto',
      timeLimitSeconds: 30,
      k: 1,
      urbanMinutes: 10,
      ruralMinutes: 30,
    });
    // Values a caller gives are kept.
    expect(SitingQuerySchema.parse({ scenarioId: 1, model: 'pmedian', type: 'sub_centre', cutoffMinutes: 90 }).cutoffMinutes).toBe(90);
  });
});
