// Listed candidate sites get their street/town from unitLocator (siting/candidates.ts), which gathers
// the deepest units' centres once: it must name the same unit as place-facility.ts unitAt for every point.
import { describe, expect, it } from 'vitest';
import { unitAt } from '../../electron/backend/place-facility.ts';
import { unitLocator } from '../../electron/backend/siting/candidates.ts';
import type { Unit } from '../../shared/model/entities.ts';

const unit = (code: string, kind: string, lon: number | null, lat: number | null): Unit =>
  ({ code, name: code, kind, parent_code: null, lon, lat, urban: false }) as unknown as Unit;

describe('unitLocator', () => {
  it('names the nearest village of the deepest level, the first of two equally near, -1 with none placed', () => {
    const units = [
      unit('T', 'town', 113.0, 28.0), // not the deepest level: never named
      unit('V1', 'village', 113.01, 28.0),
      unit('V2', 'village', 112.99, 28.0), // as near to 113.0 as V1: V1 comes first
      unit('V3', 'village', null, null), // no place
      unit('X', 'later_kind', 113.0, 28.0), // a kind this version does not know
    ];
    const at = unitLocator(units);
    expect(at(113.0, 28.0)).toBe(1);
    expect(at(112.995, 28.0)).toBe(2);
    expect(unitLocator([unit('V3', 'village', null, null)])(113, 28)).toBe(-1);
  });

  it('agrees with unitAt on 2,000 random points over 3,000 random units', () => {
    let seed = 12345;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const kinds = ['county', 'town', 'street', 'village', 'community'];
    const units = Array.from({ length: 3000 }, (_, i) =>
      unit(
        `U${i}`,
        kinds[Math.floor(rand() * kinds.length)]!,
        rand() < 0.05 ? null : 110 + Math.round(rand() * 400) / 100,
        25 + Math.round(rand() * 300) / 100,
      ),
    );
    const at = unitLocator(units);
    for (let p = 0; p < 2000; p++) {
      const lon = 110 + rand() * 4,
        lat = 25 + rand() * 3;
      const want = unitAt(units, lon, lat);
      expect(at(lon, lat)).toBe(want ? units.indexOf(want) : -1);
    }
  });
});
