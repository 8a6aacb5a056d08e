/**
 * The priority queue of the shortest-path searches: a 4-ary heap of node ids on typed arrays,
 * ordered by the nodes' labels (seconds, then facility index). It holds each node at most once (a
 * lowered label moves it up in place), so it never outgrows the node count and allocates nothing
 * after construction.
 *
 * Each slot keeps a copy of its node's label beside the node id: a comparison reads the heap's own
 * arrays, not the search's per-node arrays at random places (on a province's millions of nodes,
 * those cache misses were most of a search's time). The copy is taken when the node is pushed, and
 * a search pushes a node every time it lowers that node's label, so the copy is always the label.
 * Four children a slot: half the levels of a binary heap, and the four keys compared sit together.
 */
export class NodeHeap {
  /** Per slot: the node, and its label's seconds and facility. */
  private readonly node: Uint32Array;
  private readonly key: Float64Array;
  private readonly fac: Int32Array;
  /** Per node: its slot, -1 when not queued. */
  private readonly at: Int32Array;
  private readonly seconds: Float64Array;
  private readonly facility: Int32Array;
  size = 0;
  /** The label of the node the last pop took out (the heap's copy: no read of the search's arrays). */
  poppedSeconds = 0;
  poppedFacility = -1;

  constructor(seconds: Float64Array, facility: Int32Array) {
    this.seconds = seconds;
    this.facility = facility;
    this.node = new Uint32Array(seconds.length);
    this.key = new Float64Array(seconds.length);
    this.fac = new Int32Array(seconds.length);
    this.at = new Int32Array(seconds.length).fill(-1);
  }

  /** Queues node n with its label as it now stands, or moves it up after its label was lowered. */
  push(n: number): void {
    let i = this.at[n]!;
    if (i < 0) i = this.size++;
    const s = this.seconds[n]!,
      f = this.facility[n]!;
    const node = this.node,
      key = this.key,
      fac = this.fac,
      at = this.at;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const ps = key[parent]!;
      if (!(s < ps || (s === ps && f < fac[parent]!))) break;
      const p = node[parent]!;
      node[i] = p;
      key[i] = ps;
      fac[i] = fac[parent]!;
      at[p] = i;
      i = parent;
    }
    node[i] = n;
    key[i] = s;
    fac[i] = f;
    at[n] = i;
  }

  /** Takes out the node of the lowest label. */
  pop(): number {
    const node = this.node,
      key = this.key,
      fac = this.fac,
      at = this.at;
    const top = node[0]!;
    at[top] = -1;
    this.poppedSeconds = key[0]!;
    this.poppedFacility = fac[0]!;
    const size = --this.size;
    if (size === 0) return top;
    // The last slot's node sinks from the root.
    const n = node[size]!,
      s = key[size]!,
      f = fac[size]!;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= size) break;
      // The least of up to four children.
      let c = first,
        cs = key[first]!,
        cf = fac[first]!;
      const end = first + 4 < size ? first + 4 : size;
      for (let j = first + 1; j < end; j++) {
        const js = key[j]!;
        if (js < cs || (js === cs && fac[j]! < cf)) {
          c = j;
          cs = js;
          cf = fac[j]!;
        }
      }
      if (!(cs < s || (cs === s && cf < f))) break;
      const cn = node[c]!;
      node[i] = cn;
      key[i] = cs;
      fac[i] = cf;
      at[cn] = i;
      i = c;
    }
    node[i] = n;
    key[i] = s;
    fac[i] = f;
    at[n] = i;
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.at[this.node[i]!] = -1;
    this.size = 0;
  }
}
