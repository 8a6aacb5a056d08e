// The searches' queue (shared/access/heap.ts): nodes come out by (seconds, facility), a lowered label
// moves its node up in place, and the label a pop gives is the node's own.
import { describe, expect, it } from 'vitest';
import { NodeHeap } from '../../../shared/access/heap.ts';
import { prng } from './helpers.ts';

describe('NodeHeap', () => {
  it('pops by seconds, then by facility on equal seconds, with each label', () => {
    const seconds = Float64Array.from([30, 10, 10, 20, 10]);
    const facility = Int32Array.from([0, 7, 2, 1, 5]);
    const h = new NodeHeap(seconds, facility);
    for (const n of [0, 1, 2, 3, 4]) h.push(n);
    const out: [number, number, number][] = [];
    while (h.size > 0) {
      const n = h.pop();
      out.push([n, h.poppedSeconds, h.poppedFacility]);
    }
    // 10 s: facilities 2, 5, 7 (nodes 2, 4, 1); then 20 s, 30 s.
    expect(out).toEqual([
      [2, 10, 2],
      [4, 10, 5],
      [1, 10, 7],
      [3, 20, 1],
      [0, 30, 0],
    ]);
  });

  it('a lowered label moves its node up; random pushes, lowerings and pops agree with sorting', () => {
    const rand = prng(7);
    const n = 3000;
    const seconds = new Float64Array(n).fill(Infinity);
    const facility = new Int32Array(n).fill(-1);
    const h = new NodeHeap(seconds, facility);
    const queued = new Set<number>();
    for (let round = 0; round < 20; round++) {
      for (let k = 0; k < 400; k++) {
        const v = Math.floor(rand() * n);
        // Seconds on a coarse grid, so equal seconds (decided by facility) are common.
        const s = Math.floor(rand() * 50),
          f = Math.floor(rand() * 9);
        if (s < seconds[v]! || (s === seconds[v]! && f < facility[v]!)) {
          seconds[v] = s;
          facility[v] = f;
          h.push(v);
          queued.add(v);
        }
      }
      for (let k = 0; k < 150 && h.size > 0; k++) {
        const want = [...queued].sort((a, b) => seconds[a]! - seconds[b]! || facility[a]! - facility[b]!)[0]!;
        const got = h.pop();
        // Another node of the same label may come first; the label must be the least.
        expect([seconds[got], facility[got]]).toEqual([seconds[want], facility[want]]);
        expect([h.poppedSeconds, h.poppedFacility]).toEqual([seconds[got], facility[got]]);
        queued.delete(got);
        seconds[got] = Infinity; // taken out: a later push starts it afresh
        facility[got] = -1;
      }
      expect(h.size).toBe(queued.size);
    }
    h.clear();
    expect(h.size).toBe(0);
  });
});
