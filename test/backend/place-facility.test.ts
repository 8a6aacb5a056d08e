// Placing facilities (the map's add / move / remove) on a real plan file: one edit each, undone as one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitAt } from '../../electron/backend/place-facility.ts';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { Unit } from '../../shared/model/entities.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
let sid: number;
const list = async () => svc.call('facilities.list', { scenarioId: sid });
const find = async (id: string) => (await list()).find((f) => f.id === id);

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.openSample', {});
  sid = (await svc.call('scenarios.create', { name: '新增急救站' })).id;
});
afterAll(() => svc.close());

describe('placing facilities', () => {
  it('adds a 120 station where it is clicked, in the unit it stands in, and undoes it as one edit', async () => {
    const before = (await list()).length;
    // Near 沙坪街道's centre (开福区, north of central Changsha).
    const units = await svc.call('units.list', { scenarioId: sid });
    const shaping = units.find((u) => u.name === '沙坪街道')!;
    const f = await svc.call('facilities.add', { scenarioId: sid, type: 'ems_station', lon: shaping.lon!, lat: shaping.lat!, fields: { ambulances: 2 } });
    expect(f).toMatchObject({ id: 'NEW-ems_station-1', type: 'ems_station', ambulances: 2, name: expect.stringContaining('新建120急救站') });
    expect(units.find((u) => u.code === f.unit_code)!.parent_code).toBe(shaping.code); // a community of 沙坪街道
    expect((await list()).length).toBe(before + 1);
    expect(await svc.call('edits.state', { scenarioId: sid })).toMatchObject({ undo: { table: 'facilities', key: f.id, field: '*' } });
    await svc.call('edits.undo', { scenarioId: sid });
    expect(await find(f.id)).toBeUndefined();
    await svc.call('edits.redo', { scenarioId: sid });
    expect(await find(f.id)).toMatchObject({ ambulances: 2, unit_code: f.unit_code });
    expect((await svc.call('facilities.list', { scenarioId: 1 })).some((x) => x.id === f.id)).toBe(false); // baseline untouched
  });

  it('moves a facility into another unit, and back by undo', async () => {
    const station = (await list()).find((x) => x.type === 'ems_station' && x.id !== 'NEW-ems_station-1')!;
    const units = await svc.call('units.list', { scenarioId: sid });
    const far = units.find((u) => u.kind === 'village' && u.code.startsWith('430181'))!; // a village of 浏阳市
    const moved = await svc.call('facilities.move', { scenarioId: sid, id: station.id, lon: far.lon!, lat: far.lat! });
    expect(moved).toMatchObject({ lon: far.lon, lat: far.lat, unit_code: far.code, name: station.name });
    await svc.call('edits.undo', { scenarioId: sid });
    expect(await find(station.id)).toEqual(station);
  });

  it('removes a facility, and refuses what is not there or not valid', async () => {
    const code = async (p: Promise<unknown>) => {
      try {
        await p;
        return null;
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    await svc.call('facilities.remove', { scenarioId: sid, id: 'NEW-ems_station-1' });
    expect(await find('NEW-ems_station-1')).toBeUndefined();
    await svc.call('edits.undo', { scenarioId: sid });
    expect(await find('NEW-ems_station-1')).toBeDefined();
    expect(await code(svc.call('facilities.remove', { scenarioId: sid, id: 'nope' }))).toBe('NOT_FOUND');
    expect(await code(svc.call('facilities.add', { scenarioId: sid, type: 'ems_station', lon: 113, lat: 28.2, id: 'NEW-ems_station-1' }))).toBe('CONFLICT');
    expect(await code(svc.call('facilities.add', { scenarioId: sid, type: 'ems_station', lon: 113, lat: 95 }))).toBe('INVALID_ARGS');
    expect(await code(svc.call('facilities.add', { scenarioId: sid, type: 'ems_station', lon: 113, lat: 28.2, fields: { beds_open: -3 } }))).toBe(
      'INVALID_ARGS',
    );
  });

  it('finds the unit a point stands in on a plan holding a kind this version does not know (passed over, not NaN)', () => {
    const u = (code: string, kind: string, lon: number): Unit => ({
      code,
      name: code,
      kind: kind as Unit['kind'],
      parent_code: null,
      urban: true,
      population: 1,
      population_0_3: null,
      population_65_plus: null,
      area_km2: null,
      lon,
      lat: 28,
      year: 2025,
      growth_rate: null,
    });
    expect(unitAt([u('S', 'street', 113), u('V', 'village', 113.1), u('X', 'hamlet', 113.0)], 113.01, 28)?.code).toBe('V');
  });
});
