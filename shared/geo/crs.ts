/**
 * Chinese map coordinate systems and WGS-84.
 *
 * - GCJ-02 (国测局坐标, "Mars coordinates"): Amap/高德, Tencent/腾讯, Google Maps in China.
 * - BD-09 (百度坐标): Baidu Maps; GCJ-02 with a further offset.
 *
 * The published obfuscation formulas (as in the "eviltransform" / "coordtransform" libraries):
 * WGS-84 → GCJ-02 is a closed formula; GCJ-02 → WGS-84 is solved by fixed-point iteration to well
 * under 1e-7° (about 1 cm). Points outside China's bounding box are left unchanged, as the map
 * providers do. Longitude first everywhere: `[lon, lat]`.
 */

export type Crs = 'wgs84' | 'gcj02' | 'bd09';
export const CRS_LIST = ['wgs84', 'gcj02', 'bd09'] as const satisfies readonly Crs[];
export const CRS_LABELS: Record<Crs, { zh: string; en: string }> = {
  wgs84: { zh: 'WGS-84（GPS、天地图、奥维）', en: 'WGS-84 (GPS, Tianditu)' },
  gcj02: { zh: 'GCJ-02（高德、腾讯地图）', en: 'GCJ-02 (Amap, Tencent)' },
  bd09: { zh: 'BD-09（百度地图）', en: 'BD-09 (Baidu)' },
};

export type LonLat = [lon: number, lat: number];

/** Krasovsky 1940 ellipsoid, as used by the GCJ-02 formulas. */
const A = 6378245.0;
const EE = 0.006693421622965943; // 0.00669342162296594323, to a double's precision
const PI = Math.PI;
const X_PI = (PI * 3000.0) / 180.0;

/** The rough bounding box in which GCJ-02 applies. */
export function outOfChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * PI) + 40.0 * Math.sin((y / 3.0) * PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * PI) + 320.0 * Math.sin((y * PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLon(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * PI) + 40.0 * Math.sin((x / 3.0) * PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * PI) + 300.0 * Math.sin((x / 30.0) * PI)) * 2.0) / 3.0;
  return ret;
}

/** The GCJ-02 offset (degrees) at a WGS-84 point. Writes into `out` to stay allocation-free. */
function gcjDelta(lon: number, lat: number, out: [number, number]): void {
  let dLat = transformLat(lon - 105.0, lat - 35.0);
  let dLon = transformLon(lon - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * PI);
  out[0] = dLon;
  out[1] = dLat;
}

const scratch: [number, number] = [0, 0];

export function wgs84ToGcj02(lon: number, lat: number): LonLat {
  if (outOfChina(lon, lat)) return [lon, lat];
  gcjDelta(lon, lat, scratch);
  return [lon + scratch[0], lat + scratch[1]];
}

/** Inverse of {@link wgs84ToGcj02} by fixed-point iteration (converges to ~1e-9° in a few steps). */
export function gcj02ToWgs84(lon: number, lat: number): LonLat {
  if (outOfChina(lon, lat)) return [lon, lat];
  let wLon = lon;
  let wLat = lat;
  for (let i = 0; i < 20; i++) {
    gcjDelta(wLon, wLat, scratch);
    const nLon = lon - scratch[0];
    const nLat = lat - scratch[1];
    const done = Math.abs(nLon - wLon) < 1e-10 && Math.abs(nLat - wLat) < 1e-10;
    wLon = nLon;
    wLat = nLat;
    if (done) break;
  }
  return [wLon, wLat];
}

export function gcj02ToBd09(lon: number, lat: number): LonLat {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

export function bd09ToGcj02(lon: number, lat: number): LonLat {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

export function wgs84ToBd09(lon: number, lat: number): LonLat {
  if (outOfChina(lon, lat)) return [lon, lat];
  const [gLon, gLat] = wgs84ToGcj02(lon, lat);
  return gcj02ToBd09(gLon, gLat);
}

export function bd09ToWgs84(lon: number, lat: number): LonLat {
  if (outOfChina(lon, lat)) return [lon, lat];
  const [gLon, gLat] = bd09ToGcj02(lon, lat);
  return gcj02ToWgs84(gLon, gLat);
}

/** Convert a point given in `from` to WGS-84 (identity for 'wgs84'). */
export function toWgs84(from: Crs, lon: number, lat: number): LonLat {
  switch (from) {
    case 'wgs84':
      return [lon, lat];
    case 'gcj02':
      return gcj02ToWgs84(lon, lat);
    case 'bd09':
      return bd09ToWgs84(lon, lat);
  }
}

/** Convert a WGS-84 point to `to` (identity for 'wgs84'). */
export function fromWgs84(to: Crs, lon: number, lat: number): LonLat {
  switch (to) {
    case 'wgs84':
      return [lon, lat];
    case 'gcj02':
      return wgs84ToGcj02(lon, lat);
    case 'bd09':
      return wgs84ToBd09(lon, lat);
  }
}

/** Great-circle distance in metres (haversine, mean Earth radius), for tests and sanity checks. */
export function distanceMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const R = 6371008.8;
  const toRad = PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)));
}
