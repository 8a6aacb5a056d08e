/**
 * The priority queue of the shortest-path searches: a binary heap of node ids on typed arrays,
 * ordered by the nodes' labels (seconds, then facility index), read from the search's own arrays.
 * It holds each node at most once (a lowered label moves it up in place), so it never outgrows
 * the node count and allocates nothing after construction.
 */
export class NodeHeap {
  private readonly heap: Uint32Array;
  /** Per node: its place in `heap`, -1 when not queued. */
  private readonly at: Int32Array;
  private readonly seconds: Float64Array;
  private readonly facility: Int32Array;
  size = 0;

  constructor(seconds: Float64Array, facility: Int32Array) {
    this.seconds = seconds;
    this.facility = facility;
    this.heap = new Uint32Array(seconds.length);
    this.at = new Int32Array(seconds.length).fill(-1);
  }

  /** Queues node n, or moves it up after its label was lowered. */
  push(n: number): void {
    let i = this.at[n]!;
    if (i < 0) i = this.size++;
    this.up(n, i);
  }

  pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    this.at[top] = -1;
    const last = heap[--this.size]!;
    if (this.size > 0) this.down(last, 0);
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.at[this.heap[i]!] = -1;
    this.size = 0;
  }

  private less(a: number, b: number): boolean {
    const sa = this.seconds[a]!,
      sb = this.seconds[b]!;
    return sa < sb || (sa === sb && this.facility[a]! < this.facility[b]!);
  }

  private up(n: number, i: number): void {
    const heap = this.heap,
      at = this.at;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!this.less(n, p)) break;
      heap[i] = p;
      at[p] = i;
      i = parent;
    }
    heap[i] = n;
    at[n] = i;
  }

  private down(n: number, i: number): void {
    const heap = this.heap,
      at = this.at,
      size = this.size;
    const half = size >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      let c = heap[child]!;
      const right = child + 1;
      if (right < size && this.less(heap[right]!, c)) {
        child = right;
        c = heap[right]!;
      }
      if (!this.less(c, n)) break;
      heap[i] = c;
      at[c] = i;
      i = child;
    }
    heap[i] = n;
    at[n] = i;
  }
}
