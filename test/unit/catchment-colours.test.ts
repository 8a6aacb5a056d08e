import { describe, expect, it } from 'vitest';
import { catchmentNeighbours, colourCatchments, type CatchmentNeighbours } from '../../shared/access/catchment-colours.ts';

/** Every pair of facilities whose cells touch (edge-adjacent), found the slow way. */
function touchingPairs(near: Int32Array, W: number, H: number): Set<string> {
  const out = new Set<string>();
  for (let j = 0; j < H; j++)
    for (let i = 0; i < W; i++) {
      const a = near[j * W + i]!;
      for (const [di, dj] of [
        [1, 0],
        [0, 1],
      ] as const) {
        if (i + di >= W || j + dj >= H) continue;
        const b = near[(j + dj) * W + i + di]!;
        if (a >= 0 && b >= 0 && a !== b) out.add(`${Math.min(a, b)}-${Math.max(a, b)}`);
      }
    }
  return out;
}

function voronoi(W: number, H: number, sites: number, seed: number): Int32Array {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const xs = Array.from({ length: sites }, () => rnd() * W),
    ys = Array.from({ length: sites }, () => rnd() * H);
  const near = new Int32Array(W * H);
  for (let j = 0; j < H; j++)
    for (let i = 0; i < W; i++) {
      let best = -1,
        d = Infinity;
      for (let f = 0; f < sites; f++) {
        const dd = (xs[f]! - i) ** 2 + (ys[f]! - j) ** 2;
        if (dd < d) [d, best] = [dd, f];
      }
      // Some cells reach no facility (off the network): they touch nobody.
      near[j * W + i] = (i * 7 + j * 13) % 23 === 0 ? -1 : best;
    }
  return near;
}

describe('catchment colours (各机构服务范围的配色)', () => {
  it('finds who touches whom on the raster, and nothing else', () => {
    // 0 0 1      0–1 touch, 0–2 touch, 1–2 touch (the right column), 3 is alone beyond a gap of -1.
    // 0 2 2
    // -1 -1 3 … 3 touches 2 above it.
    const near = Int32Array.from([0, 0, 1, 0, 2, 2, -1, -1, 3]);
    const g = catchmentNeighbours(near, 3, 3, 4);
    const of = (f: number) => Array.from(g.targets.subarray(g.offsets[f]!, g.offsets[f + 1]!)).sort();
    expect(of(0)).toEqual([1, 2]);
    expect(of(1)).toEqual([0, 2]);
    expect(of(2)).toEqual([0, 1, 3]);
    expect(of(3)).toEqual([2]);
  });

  it('gives touching catchments different colours where the list order cycled onto the same one', () => {
    // Ten stripes side by side in the order 0, 8, 1, 9, …: 0 and 8 touch, and 0 % 8 === 8 % 8.
    const order = [0, 8, 1, 9, 2, 3, 4, 5, 6, 7];
    const W = order.length,
      H = 3;
    const near = Int32Array.from({ length: W * H }, (_, k) => order[k % W]!);
    const colour = colourCatchments(catchmentNeighbours(near, W, H, 10), 8);
    for (let i = 0; i + 1 < W; i++) expect(colour[order[i]!]).not.toBe(colour[order[i + 1]!]);
  });

  it('colours random plane catchments so that no two touching share a colour, with at most 6 colours', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const W = 160,
        H = 120,
        F = 300;
      const near = voronoi(W, H, F, seed);
      const colour = colourCatchments(catchmentNeighbours(near, W, H, F), 8);
      const pairs = touchingPairs(near, W, H);
      expect(pairs.size).toBeGreaterThan(F);
      for (const p of pairs) {
        const [a, b] = p.split('-').map(Number);
        expect(colour[a!], p).not.toBe(colour[b!]);
      }
      expect(Math.max(...colour)).toBeLessThanOrEqual(5);
    }
  });

  it('stays within the palette when it cannot be done (nine all touching), with the fewest clashes', () => {
    const F = 9;
    const offsets = Int32Array.from({ length: F + 1 }, (_, f) => f * (F - 1));
    const targets = new Int32Array(F * (F - 1));
    for (let f = 0, e = 0; f < F; f++) for (let g = 0; g < F; g++) if (g !== f) targets[e++] = g;
    const colour = colourCatchments({ offsets, targets } satisfies CatchmentNeighbours, 8);
    expect(Math.max(...colour)).toBeLessThan(8);
    // Eight colours for nine: exactly one pair must share.
    let clashes = 0;
    for (let a = 0; a < F; a++) for (let b = a + 1; b < F; b++) if (colour[a] === colour[b]) clashes++;
    expect(clashes).toBe(1);
  });

  it('colours facilities that reach nothing (no neighbours) with the first colour', () => {
    const colour = colourCatchments(catchmentNeighbours(Int32Array.from([-1, -1]), 2, 1, 3), 8);
    expect(Array.from(colour)).toEqual([0, 0, 0]);
  });
});
