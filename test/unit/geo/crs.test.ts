import { describe, expect, it } from 'vitest';
import {
  bd09ToGcj02,
  bd09ToWgs84,
  distanceMetres,
  gcj02ToBd09,
  gcj02ToWgs84,
  outOfChina,
  toWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
} from '../../../shared/geo/crs.ts';

// Reference values published with eviltransform (wgsLat, wgsLng, gcjLat, gcjLng).
const GCJ_REFERENCE = [
  [31.1774276, 121.5272106, 31.17530398364597, 121.531541859215], // Shanghai
  [22.543847, 113.912316, 22.540796131694766, 113.9171764808363], // Shenzhen
  [39.911954, 116.377817, 39.91334545536069, 116.38404722455657], // Beijing
] as const;

describe('GCJ-02', () => {
  it('matches the published forward values', () => {
    for (const [wLat, wLon, gLat, gLon] of GCJ_REFERENCE) {
      const [lon, lat] = wgs84ToGcj02(wLon, wLat);
      expect(lon).toBeCloseTo(gLon, 9);
      expect(lat).toBeCloseTo(gLat, 9);
    }
  });

  it('inverts the published values to 1e-7°', () => {
    for (const [wLat, wLon, gLat, gLon] of GCJ_REFERENCE) {
      const [lon, lat] = gcj02ToWgs84(gLon, gLat);
      expect(Math.abs(lon - wLon)).toBeLessThan(1e-7);
      expect(Math.abs(lat - wLat)).toBeLessThan(1e-7);
    }
  });

  it('Changsha: a round trip is exact to 1e-6° and the offset is a few hundred metres', () => {
    const wgs: [number, number] = [112.938812, 28.228209]; // 长沙 五一广场 area
    const gcj = wgs84ToGcj02(...wgs);
    const off = distanceMetres(wgs[0], wgs[1], gcj[0], gcj[1]);
    expect(off).toBeGreaterThan(300);
    expect(off).toBeLessThan(800);
    const back = gcj02ToWgs84(...gcj);
    expect(Math.abs(back[0] - wgs[0])).toBeLessThan(1e-6);
    expect(Math.abs(back[1] - wgs[1])).toBeLessThan(1e-6);
    expect(distanceMetres(back[0], back[1], wgs[0], wgs[1])).toBeLessThan(0.05);
  });

  it('round-trips across China', () => {
    for (let lon = 75; lon <= 134; lon += 7.3) {
      for (let lat = 18; lat <= 53; lat += 4.1) {
        const [gl, ga] = wgs84ToGcj02(lon, lat);
        const [l, a] = gcj02ToWgs84(gl, ga);
        expect(Math.abs(l - lon)).toBeLessThan(1e-6);
        expect(Math.abs(a - lat)).toBeLessThan(1e-6);
      }
    }
  });

  it('leaves points outside China unchanged', () => {
    expect(outOfChina(2.35, 48.85)).toBe(true);
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84(-74, 40.7)).toEqual([-74, 40.7]);
    expect(bd09ToWgs84(151.2, -33.87)).toEqual([151.2, -33.87]);
    expect(wgs84ToBd09(151.2, -33.87)).toEqual([151.2, -33.87]);
  });
});

describe('BD-09', () => {
  // Reference values of the widely used coordtransform library (Baidu's published formula).
  it('matches the published values', () => {
    const [gl, ga] = bd09ToGcj02(116.404, 39.915);
    expect(gl).toBeCloseTo(116.39762729119315, 9);
    expect(ga).toBeCloseTo(39.90865673957631, 9);
    const [bl, ba] = gcj02ToBd09(116.404, 39.915);
    expect(bl).toBeCloseTo(116.41036949371029, 9);
    expect(ba).toBeCloseTo(39.92133699351021, 9);
  });

  it('round-trips WGS-84 → BD-09 → WGS-84 within 1e-5°', () => {
    const [bl, ba] = wgs84ToBd09(112.938812, 28.228209);
    const [l, a] = bd09ToWgs84(bl, ba);
    expect(Math.abs(l - 112.938812)).toBeLessThan(1e-5);
    expect(Math.abs(a - 28.228209)).toBeLessThan(1e-5);
    // Baidu is offset further than GCJ-02: roughly a kilometre in Changsha.
    const d = distanceMetres(112.938812, 28.228209, bl, ba);
    expect(d).toBeGreaterThan(500);
    expect(d).toBeLessThan(2000);
  });

  it('toWgs84 dispatches by system', () => {
    expect(toWgs84('wgs84', 112.9, 28.2)).toEqual([112.9, 28.2]);
    expect(toWgs84('gcj02', 112.9, 28.2)).toEqual(gcj02ToWgs84(112.9, 28.2));
    expect(toWgs84('bd09', 112.9, 28.2)).toEqual(bd09ToWgs84(112.9, 28.2));
  });
});
