/**
 * 机构间分配: a unit's amount goes to its eligible facilities with the most room first (余量最大优先),
 * each up to its room, then the next: an expansion lands in as few facilities as possible (a ward, a
 * team), where there is most space for it. Equal room (staff have no cap: all unlimited) goes to the
 * larger facility (what it holds of the resource), then the earlier (the lower id).
 */

// Scratch space reused across calls (a unit has a handful of facilities; a county may have thousands).
let order = new Int32Array(64);

/** order[0 … n) sorted by room, largest first, then size, largest first, then index. */
function sortByRoom(n: number, room: Float64Array, size: Float64Array): void {
  const before = (a: number, b: number) => room[a]! > room[b]! || (room[a] === room[b] && (size[a]! > size[b]! || (size[a] === size[b] && a < b)));
  if (n > 32) {
    order.set(Array.from(order.subarray(0, n)).sort((a, b) => (before(a, b) ? -1 : 1)));
    return;
  }
  for (let k = 1; k < n; k++) {
    // insertion sort for the usual few
    const x = order[k]!;
    let j = k - 1;
    for (; j >= 0 && before(x, order[j]!); j--) order[j + 1] = order[j]!;
    order[j + 1] = x;
  }
}

/**
 * Gives `amount` over the first `n` facilities of `room` (Infinity: no limit) and `size` into `out`;
 * returns what was placed (less than `amount` only when the rooms together hold less).
 */
export function fillByRoom(amount: number, room: Float64Array, size: Float64Array, n: number, out: Float64Array): number {
  out.fill(0, 0, n);
  if (order.length < n) order = new Int32Array(n * 2);
  let m = 0;
  for (let i = 0; i < n; i++) if (room[i]! > 0) order[m++] = i;
  sortByRoom(m, room, size);
  let left = amount;
  for (let k = 0; k < m && left > 0; k++) {
    const i = order[k]!,
      take = Math.min(left, room[i]!);
    out[i] = take;
    left -= take;
  }
  return amount - left;
}
