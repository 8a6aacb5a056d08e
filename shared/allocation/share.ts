/**
 * 机构间分配: a unit's amount shared among its eligible facilities in proportion to their size (what
 * they hold of the resource, plus 1 so a facility with none can receive), none above its room; the
 * shares are whole (largest remainder, ties to the earlier facility, i.e. the lower id).
 */

/**
 * Shares `amount` over the first `n` entries of `weight`/`room` (room may be Infinity) into `out`;
 * returns what was placed (less than `amount` only when the rooms together hold less).
 */
export function shareByWeight(amount: number, weight: Float64Array, room: Float64Array, n: number, out: Float64Array): number {
  out.fill(0, 0, n);
  let roomSum = 0;
  for (let i = 0; i < n; i++) roomSum += room[i]!;
  let left = Math.min(amount, roomSum);
  const placed = left;
  if (left <= 0) return 0;
  // In order of room ÷ weight: a facility whose share would exceed its room is fixed at its room; that
  // only raises the others' shares, so the first one that fits ends the sweep. O(n log n) for a county's many.
  const order: number[] = [];
  let w = 0;
  for (let i = 0; i < n; i++) if (room[i]! > 0) { order.push(i); w += weight[i]!; }
  order.sort((a, b) => room[a]! / weight[a]! - room[b]! / weight[b]! || a - b);
  let k = 0;
  for (; k < order.length; k++) {
    const i = order[k]!;
    if ((left / w) * weight[i]! < room[i]!) break;
    out[i] = room[i]!; left -= room[i]!; w -= weight[i]!;
  }
  if (left > 0 && k < order.length) {
    const rest = order.slice(k).sort((a, b) => a - b);
    const scale = left / w;
    const frac = new Float64Array(n);
    for (const i of rest) {
      const s = scale * weight[i]!;
      out[i] = Math.min(room[i]!, Math.floor(s));
      frac[i] = s - out[i]!;
      left -= out[i]!;
    }
    // Largest remainders first; ties to the earlier facility (a stable sort of the ascending indices).
    rest.sort((a, b) => frac[b]! - frac[a]!);
    for (let j = 0; j < rest.length && left > 0; j++) {
      const i = rest[j]!;
      if (out[i]! < room[i]!) { out[i]!++; left--; }
    }
  }
  // Rounding leftovers (never expected): to the first facility with room.
  for (let i = 0; i < n && left > 0; i++) {
    const add = Math.min(left, room[i]! - out[i]!);
    if (add > 0) { out[i]! += add; left -= add; }
  }
  return placed - left;
}
