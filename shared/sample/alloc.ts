/** Exact integer sharing (largest remainder, with caps), rounding, and placing points around a centre. */

/**
 * Split the integer `total` into integers proportional to `weights`, summing exactly to `total`
 * (largest-remainder method; ties go to the earlier item). With `caps`, no share exceeds its cap: a
 * share that would is fixed at its cap and the rest re-shared among the others. All-zero weights share
 * equally. Throws when the caps cannot hold the total.
 */
export function allocate(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const n = weights.length;
  if (!Number.isInteger(total) || total < 0) throw new Error(`allocate: total must be a non-negative integer, got ${total}`);
  if (n === 0) {
    if (total === 0) return [];
    throw new Error(`allocate: nothing to share ${total} among`);
  }
  const cap = (i: number) => (caps ? caps[i]! : Infinity);
  if (caps && caps.reduce((s, c) => s + c, 0) < total) throw new Error(`allocate: caps hold less than ${total}`);

  const ideal = new Array<number>(n).fill(0);
  const fixed = new Array<boolean>(n).fill(false);
  let rest = total;
  // Water-filling: share what is left among the unfixed, fix any share over its cap, repeat.
  for (;;) {
    const open = [...Array(n).keys()].filter((i) => !fixed[i] && cap(i) > 0);
    let sumW = open.reduce((s, i) => s + Math.max(0, weights[i]!), 0);
    const w = (i: number) => (sumW > 0 ? Math.max(0, weights[i]!) : 1);
    if (sumW === 0) sumW = open.length;
    let over = false;
    for (const i of open) {
      ideal[i] = (rest * w(i)) / sumW;
      if (ideal[i]! > cap(i)) over = true;
    }
    if (!over) break;
    for (const i of open) {
      if (ideal[i]! > cap(i)) {
        fixed[i] = true;
        ideal[i] = cap(i);
        rest -= cap(i);
      }
    }
  }

  const out = ideal.map((x, i) => Math.min(Math.floor(x + 1e-9), cap(i)));
  let remainder = total - out.reduce((s, x) => s + x, 0);
  const order = [...Array(n).keys()].filter((i) => out[i]! < cap(i)).sort((a, b) => ideal[b]! - out[b]! - (ideal[a]! - out[a]!) || a - b);
  for (let k = 0; remainder > 0 && order.length > 0; k = (k + 1) % order.length) {
    const i = order[k]!;
    if (out[i]! < cap(i)) {
      out[i]!++;
      remainder--;
    }
  }
  if (remainder !== 0) throw new Error('allocate: could not place the remainder');
  return out;
}

export const roundTo = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const KM_PER_DEG_LAT = 111.32;

/** Offset a point by `dxKm` east and `dyKm` north. */
export function offsetKm(lon: number, lat: number, dxKm: number, dyKm: number): { lon: number; lat: number } {
  return {
    lon: roundTo(lon + dxKm / (KM_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)), 5),
    lat: roundTo(lat + dyKm / KM_PER_DEG_LAT, 5),
  };
}

/** Radius (km) of a disc of `areaKm2`. */
export const discRadiusKm = (areaKm2: number): number => Math.sqrt(Math.max(areaKm2, 0.01) / Math.PI);

/**
 * Spread `n` points evenly over the ring rMin..rMax km around a centre (a jittered sunflower spiral:
 * golden-angle steps, radius growing with √i), rotated by `turn` (0–1).
 */
export function spread(n: number, rMinKm: number, rMaxKm: number, turn: number, jitter: () => number): { dx: number; dy: number }[] {
  const golden = Math.PI * (3 - Math.sqrt(5));
  const out: { dx: number; dy: number }[] = [];
  for (let i = 0; i < n; i++) {
    const t = Math.sqrt((i + 0.5) / n);
    const r = rMinKm + (rMaxKm - rMinKm) * Math.min(1, Math.max(0, t + (jitter() - 0.5) * 0.15));
    const a = turn * 2 * Math.PI + i * golden + (jitter() - 0.5) * 0.4;
    out.push({ dx: r * Math.cos(a), dy: r * Math.sin(a) });
  }
  return out;
}
