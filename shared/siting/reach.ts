/**
 * 可达范围搜索: every node within a time bound of one source, one source after another, on buffers
 * kept between runs (only the nodes a run touched are reset).
 *
 * A bucket queue (Dial's, bucket width `BUCKET_SECONDS`) rather than the access engine's binary heap:
 * the siting engine runs one search per candidate — thousands — and a bucket costs O(1) where the
 * heap costs O(log n): half the time on the benchmark network. Nodes within one bucket are taken in
 * any order, so a node may be improved after it was expanded; it is then queued and expanded
 * again (label-correcting), which keeps the result exact: every touched node ends with its
 * shortest time. Stale queue entries are skipped by comparing their time with the node's.
 */
import type { Csr } from '../access/graph.ts';

const BUCKET_SECONDS = 0.5;
const MAX_BUCKETS = 1 << 16;

export class ReachSearch {
  /** Per node: seconds from the source of the last run; Infinity when not reached. Valid until the next run. */
  readonly seconds: Float64Array;
  /** The nodes the last run reached: `touched[0 .. touchedCount-1]`, in the order first reached. */
  readonly touched: Uint32Array;
  touchedCount = 0;
  private readonly csr: Csr;
  private head = new Int32Array(0);
  // Queue entries: node, its time when queued, the next entry of the same bucket.
  private entryNode = new Uint32Array(1 << 12);
  private entryTime = new Float64Array(1 << 12);
  private entryNext = new Int32Array(1 << 12);

  constructor(csr: Csr, nodeCount: number) {
    this.csr = csr;
    this.seconds = new Float64Array(nodeCount).fill(Infinity);
    this.touched = new Uint32Array(nodeCount);
  }

  /**
   * All nodes within `bound` seconds of `source`, starting at `start` seconds. With `need` (per
   * node: the latest arrival from which something of interest is still reached in time, see
   * roadCoverageSets), a node reached later than its need is left out, and so is all the search
   * would have reached only through it.
   */
  run(source: number, start: number, bound: number, need?: Float64Array): void {
    const seconds = this.seconds,
      touched = this.touched;
    for (let i = 0; i < this.touchedCount; i++) seconds[touched[i]!] = Infinity;
    this.touchedCount = 0;
    if (source < 0 || !(start <= bound) || (need && !(start <= need[source]!))) return;
    const width = Math.max(BUCKET_SECONDS, (bound - start) / MAX_BUCKETS);
    const inv = 1 / width;
    const buckets = Math.floor((bound - start) * inv) + 1;
    if (this.head.length < buckets) this.head = new Int32Array(Math.max(buckets, 2 * this.head.length));
    const head = this.head;
    head.fill(-1, 0, buckets);
    const { offsets, targets } = this.csr;
    const edgeSeconds = this.csr.seconds;
    let node = this.entryNode,
      time = this.entryTime,
      next = this.entryNext;
    let used = 1,
      count = 0;
    node[0] = source;
    time[0] = start;
    next[0] = -1;
    head[0] = 0;
    seconds[source] = start;
    touched[count++] = source;
    for (let b = 0; b < buckets; b++) {
      let e: number;
      while ((e = head[b]!) !== -1) {
        head[b] = next[e]!;
        const u = node[e]!,
          su = time[e]!;
        if (su !== seconds[u]) continue; // improved since it was queued
        for (let i = offsets[u]!, end = offsets[u + 1]!; i < end; i++) {
          const s = su + edgeSeconds[i]!;
          if (s > bound) continue;
          const v = targets[i]!;
          const sv = seconds[v]!;
          if (!(s < sv) || (need && s > need[v]!)) continue;
          if (sv === Infinity) touched[count++] = v;
          seconds[v] = s;
          if (used === node.length) {
            this.grow();
            node = this.entryNode;
            time = this.entryTime;
            next = this.entryNext;
          }
          const at = Math.floor((s - start) * inv);
          node[used] = v;
          time[used] = s;
          next[used] = head[at]!;
          head[at] = used++;
        }
      }
    }
    this.touchedCount = count;
  }

  private grow(): void {
    const n = this.entryNode.length * 2;
    const node = new Uint32Array(n),
      time = new Float64Array(n),
      next = new Int32Array(n);
    node.set(this.entryNode);
    time.set(this.entryTime);
    next.set(this.entryNext);
    this.entryNode = node;
    this.entryTime = time;
    this.entryNext = next;
  }
}
