/**
 * 各机构服务范围的配色: a colour (an index into a small palette) for each catchment, so that two
 * catchments sharing a boundary never have the same one — with the list's order cycled through the
 * palette, neighbours often did.
 *
 * Neighbours are read off the raster the catchments are traced from: two facilities touch where two
 * edge-adjacent cells have them as their nearest. The colouring takes the facilities in smallest-last
 * order (the one with the fewest neighbours left goes last, repeatedly) and gives each, from the last
 * removed to the first, the lowest colour its neighbours coloured so far don't have. Each then has at
 * most the graph's degeneracy of coloured neighbours, so degeneracy + 1 colours suffice: at most 6
 * for areas that touch on a plane, fewer than the palette's 8. Only a catchment in many pieces
 * could need more; then it takes the colour fewest of its neighbours have.
 */

/** How many colours the map's catchment palette has (renderer/features/map/palette.ts CATCHMENT_COLOURS). */
export const CATCHMENT_PALETTE_SIZE = 8;

/** Facilities' neighbour lists (CSR): f's neighbours are targets[offsets[f] … offsets[f + 1]). */
export interface CatchmentNeighbours {
  offsets: Int32Array;
  targets: Int32Array;
}

/** Who touches whom on a W × H raster of nearest facilities (row-major, -1 where none). */
export function catchmentNeighbours(near: Int32Array, W: number, H: number, facilityCount: number): CatchmentNeighbours {
  const F = facilityCount;
  const pairs = new Set<number>();
  const touch = (a: number, b: number) => {
    if (a === b || a < 0 || b < 0 || a >= F || b >= F) return;
    pairs.add(a < b ? a * F + b : b * F + a);
  };
  for (let j = 0, k = 0; j < H; j++) {
    for (let i = 0; i < W; i++, k++) {
      const f = near[k]!;
      if (f < 0) continue;
      if (i + 1 < W) touch(f, near[k + 1]!);
      if (j + 1 < H) touch(f, near[k + W]!);
    }
  }
  const degree = new Int32Array(F + 1);
  for (const p of pairs) {
    degree[Math.floor(p / F)]!++;
    degree[p % F]!++;
  }
  const offsets = new Int32Array(F + 1);
  for (let f = 0; f < F; f++) offsets[f + 1] = offsets[f]! + degree[f]!;
  const fill = offsets.slice(0, F);
  const targets = new Int32Array(offsets[F]!);
  for (const p of pairs) {
    const a = Math.floor(p / F),
      b = p % F;
    targets[fill[a]!++] = b;
    targets[fill[b]!++] = a;
  }
  return { offsets, targets };
}

/** A colour in 0 … paletteSize − 1 per facility; touching catchments differ whenever the palette allows. */
export function colourCatchments(g: CatchmentNeighbours, paletteSize: number): Uint8Array {
  const F = g.offsets.length - 1;
  const { offsets, targets } = g;
  // Smallest-last order by buckets of the degree left.
  const left = new Int32Array(F);
  let maxDeg = 0;
  for (let f = 0; f < F; f++) {
    left[f] = offsets[f + 1]! - offsets[f]!;
    if (left[f]! > maxDeg) maxDeg = left[f]!;
  }
  const head = new Int32Array(maxDeg + 1).fill(-1);
  const next = new Int32Array(F).fill(-1);
  const prev = new Int32Array(F).fill(-1);
  const unlink = (f: number) => {
    if (prev[f]! >= 0) next[prev[f]!] = next[f]!;
    else head[left[f]!] = next[f]!;
    if (next[f]! >= 0) prev[next[f]!] = prev[f]!;
  };
  const link = (f: number) => {
    prev[f] = -1;
    next[f] = head[left[f]!]!;
    if (next[f]! >= 0) prev[next[f]!] = f;
    head[left[f]!] = f;
  };
  for (let f = F - 1; f >= 0; f--) link(f);
  const removed = new Uint8Array(F);
  const order = new Int32Array(F);
  let d = 0;
  for (let n = F - 1; n >= 0; n--) {
    d = Math.max(0, d - 1);
    while (head[d]! < 0) d++;
    const f = head[d]!;
    unlink(f);
    removed[f] = 1;
    order[n] = f;
    for (let e = offsets[f]!; e < offsets[f + 1]!; e++) {
      const g2 = targets[e]!;
      if (removed[g2]) continue;
      unlink(g2);
      left[g2]!--;
      link(g2);
    }
  }
  // Colour in that order: the lowest colour no coloured neighbour has (else the least used among them).
  const colour = new Uint8Array(F);
  const coloured = new Uint8Array(F);
  const used = new Int32Array(paletteSize);
  for (let n = 0; n < F; n++) {
    const f = order[n]!;
    used.fill(0);
    for (let e = offsets[f]!; e < offsets[f + 1]!; e++) {
      const g2 = targets[e]!;
      if (coloured[g2]) used[colour[g2]!]!++;
    }
    let best = 0;
    for (let c = 0; c < paletteSize; c++) {
      if (used[c] === 0) {
        best = c;
        break;
      }
      if (used[c]! < used[best]!) best = c;
    }
    colour[f] = best;
    coloured[f] = 1;
  }
  return colour;
}
