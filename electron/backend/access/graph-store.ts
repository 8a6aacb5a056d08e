/**
 * 路网图缓存: the built road graph (and its node index) kept on disk beside the plan, so a new process
 * — a cold `healthplan access`, the app opened again — reads it back instead of loading every segment
 * from SQLite and building the graph again (for a province, most of a cold run).
 *
 * Where: `<plan folder>/.healthplan-cache/<plan file name>.<hash>.graph`. Beside the plan rather than
 * in a per-user cache: it goes with the plan's folder (copied, moved to another machine) and away
 * with it, and there is no global store to grow or evict — one file per plan and travel mode, older
 * ones of the same plan deleted when a new one is written. A plan in a folder that cannot be written
 * (read-only media) simply builds its graph each time.
 *
 * The key: the stored network's summary (which carries a random revision written by every import, so
 * any new network is a new key), the speed table and the travel mode, and at the peak hour the peak
 * factors and the places that class segments urban or rural (a free-flow file keeps its key). The hash only names the file;
 * the whole key is in the header and compared. A file is never trusted: magic, format version,
 * byte order, key, every size against the file's length, a checksum over the payload, then the CSR
 * arrays' structure (offsets rising to the edge count, every node number in range) — anything off,
 * and the file is ignored (and replaced by the next build). Written to a temporary file, then
 * renamed: a reader sees the old file or the new one, never half of one.
 *
 * Not stored (since version 3), as every byte read costs (a province's file was 528 MB, now 332):
 * - the graph's pointNode (which node each point of the segments became — used while building,
 *   read by nothing after; a graph read back has none);
 * - the reverse graph: it is the forward one turned round (graph.ts transposeCsr, as the build
 *   makes it), done on first use — a search from the facilities (an ambulance's 1030) never needs it.
 *
 * Layout (native little-endian, every array 8-byte aligned): "HPGRAPH\0", u32 version, u32 key
 * bytes, the key (UTF-8, padded), then u32 counts: nodes, forward edges, two zeros (reverse edges
 * and points, not stored), index nodes, index bytes, checksum; then lon f64[n], lat f64[n],
 * forward offsets u32[n+1], targets u32[m], seconds f32[m], the index's nodes u32[k] and its KDBush
 * data.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Csr, type RoadGraph, transposeCsr } from '../../../shared/access/graph.ts';
import { type NodeIndex, nodeIndexFrom } from '../../../shared/access/snap.ts';

const MAGIC = 'HPGRAPH\0';
/** Bumped whenever the layout or what the graph means (the build's rules) changes: older files are ignored. */
export const GRAPH_STORE_VERSION = 3;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
export const CACHE_FOLDER = '.healthplan-cache';

/** Where a plan's graph for `key` lives (a hash of the key names it). */
export function graphStoreFile(planPath: string, key: string): string {
  const hash = crypto.createHash('sha256').update(key).digest('hex').slice(0, 20);
  return path.join(path.dirname(path.resolve(planPath)), CACHE_FOLDER, `${path.basename(planPath)}.${hash}.graph`);
}

const pad8 = (n: number) => (n + 7) & ~7;

/** The arrays in file order (the index's KDBush data last). */
function arraysOf(g: RoadGraph, index: NodeIndex): ArrayBufferView[] {
  const tree = new Uint8Array(index.tree.data as ArrayBuffer);
  return [g.lon, g.lat, g.forward.offsets, g.forward.targets, g.forward.seconds, index.node, tree];
}

/**
 * A 32-bit checksum over the payload's 4-byte words, fed in pieces (`mix`, then `fold`): two
 * interleaved FNV-style lanes, even and odd words, folded at the end — about twice the speed of
 * one lane (each step waits only on its own lane's last multiply), every word still mixed in.
 */
class Checksum {
  private a = 0x811c9dc5 | 0;
  private b = 0x5bd1e995 | 0;
  /** Words mixed so far: odd means the next word is the second lane's. */
  private odd = false;

  mix(words: Uint32Array): void {
    let a = this.a,
      b = this.b,
      i = 0;
    const n = words.length;
    if (this.odd && n > 0) {
      b = Math.imul(b ^ words[0]!, 0x01000193) ^ (b >>> 15);
      i = 1;
      this.odd = false;
    }
    for (; i + 1 < n; i += 2) {
      a = Math.imul(a ^ words[i]!, 0x01000193) ^ (a >>> 15);
      b = Math.imul(b ^ words[i + 1]!, 0x01000193) ^ (b >>> 15);
    }
    if (i < n) {
      a = Math.imul(a ^ words[i]!, 0x01000193) ^ (a >>> 15);
      this.odd = true;
    }
    this.a = a;
    this.b = b;
  }

  fold(): number {
    return (Math.imul(this.a ^ (this.b >>> 13), 0x85ebca6b) ^ this.b) >>> 0;
  }
}

/**
 * Writes the graph and its index for `key` (temporary file, then rename) and deletes this plan's
 * older graph files. Returns false, writing nothing, when the folder cannot be written.
 */
export function writeGraphStore(file: string, key: string, g: RoadGraph, index: NodeIndex): boolean {
  if (!LITTLE_ENDIAN) return false;
  const keyBytes = Buffer.from(key, 'utf8');
  const arrays = arraysOf(g, index);
  const head = Buffer.alloc(8 + 8 + pad8(keyBytes.length) + 8 * 4);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(GRAPH_STORE_VERSION, 8);
  head.writeUInt32LE(keyBytes.length, 12);
  keyBytes.copy(head, 16);
  let at = 16 + pad8(keyBytes.length);
  const counts = [g.nodeCount, g.forward.targets.length, 0, 0, index.node.length, arrays[6]!.byteLength];
  for (const c of counts) {
    head.writeUInt32LE(c, at);
    at += 4;
  }
  // Each array as it is, then the zeros that pad it to 8 bytes (written and checksummed apart: no copy of a large array).
  const sum = new Checksum();
  const parts: Uint8Array[] = [];
  for (const a of arrays) {
    let bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    if (bytes.byteOffset % 4 !== 0 || bytes.length % 4 !== 0) {
      const copy = new Uint8Array(pad8(bytes.length)); // not in words (the index's data, in principle): a small copy
      copy.set(bytes);
      bytes = copy;
    }
    sum.mix(new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2));
    parts.push(bytes);
    const pad = pad8(bytes.length) - bytes.length;
    if (pad) {
      const zeros = new Uint8Array(pad);
      sum.mix(new Uint32Array(zeros.buffer));
      parts.push(zeros);
    }
  }
  head.writeUInt32LE(sum.fold(), at);
  const dir = path.dirname(file);
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, head);
      for (const p of parts) for (let off = 0; off < p.length; ) off += fs.writeSync(fd, p, off, Math.min(p.length - off, 1 << 30));
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch {
    fs.rmSync(tmp, { force: true });
    return false;
  }
  // This plan's graphs of other keys (an older network or speed table): no longer of use. Other travel modes stay.
  const mine = path.basename(file);
  const plan = mine.slice(0, mine.length - '.0123456789abcdef0123.graph'.length);
  try {
    for (const f of fs.readdirSync(dir)) {
      if (f === mine || f.length !== mine.length || !f.startsWith(`${plan}.`) || !/\.[0-9a-f]{20}\.graph$/.test(f)) continue;
      const other = readHeaderKey(path.join(dir, f));
      if (other !== null && slotOfKey(other) === slotOfKey(key)) fs.rmSync(path.join(dir, f), { force: true });
    }
  } catch {
    /* a folder we cannot list: the old files stay */
  }
  return true;
}

/**
 * What a file stands for besides the network and speeds (network-cache.ts storeKeyOf: `…|walk` on foot,
 * `…|peak:<factors>|drive` by car at the peak hour): a new file replaces the older ones of the same slot only.
 */
const slotOfKey = (key: string) => `${key.includes('|peak:') ? 'peak|' : ''}${key.endsWith('|walk') ? 'walk' : 'drive'}`;

/** The key in a graph file's header, or null when it is not one of ours. */
function readHeaderKey(file: string): string | null {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(16);
      if (fs.readSync(fd, head, 0, 16, 0) !== 16 || head.toString('latin1', 0, 8) !== MAGIC) return null;
      const len = head.readUInt32LE(12);
      if (len > 1 << 20) return null;
      const key = Buffer.alloc(len);
      return fs.readSync(fd, key, 0, len, 16) === len ? key.toString('utf8') : null;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** Whether a graph file for the key is there (not yet checked: readGraphStore checks it). */
export const graphStored = (file: string): boolean => fs.existsSync(file);

/** The graph and index stored for `key`, or null when there is none or the file is not sound. */
export function readGraphStore(file: string, key: string): { graph: RoadGraph; index: NodeIndex } | null {
  if (!LITTLE_ENDIAN) return null;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      return decode(fd, fs.fstatSync(fd).size, key);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** Fills `bytes` from the file at `position`; false when the file ends first. */
function readFully(fd: number, bytes: Uint8Array, position: number): boolean {
  for (let off = 0; off < bytes.length; ) {
    const n = fs.readSync(fd, bytes, off, Math.min(bytes.length - off, 1 << 30), position + off);
    if (n <= 0) return false;
    off += n;
  }
  return true;
}

/**
 * The header first, then the arrays into one buffer and the index's KDBush data into its own (it
 * must start its ArrayBuffer: read there, not copied out of the rest — on a province 88 MB less
 * memory to fill).
 */
function decode(fd: number, size: number, key: string): { graph: RoadGraph; index: NodeIndex } | null {
  const first = Buffer.alloc(16);
  if (size < 16 || !readFully(fd, first, 0) || first.toString('latin1', 0, 8) !== MAGIC || first.readUInt32LE(8) !== GRAPH_STORE_VERSION) return null;
  const keyLen = first.readUInt32LE(12);
  if (keyLen > 1 << 20 || 16 + pad8(keyLen) + 32 > size) return null;
  const b = Buffer.alloc(pad8(keyLen) + 32);
  if (!readFully(fd, b, 16) || b.toString('utf8', 0, keyLen) !== key) return null;
  const [n, m, r, points, k, treeBytes, sum] = Array.from({ length: 7 }, (_, i) => b.readUInt32LE(pad8(keyLen) + 4 * i)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (points !== 0 || r !== 0) return null;
  const payload = 16 + pad8(keyLen) + 32;
  const sizes = [8 * n, 8 * n, 4 * (n + 1), 4 * m, 4 * m, 4 * k];
  const views: number[] = [];
  let at = 0;
  for (const s of sizes) {
    views.push(at);
    at += pad8(s);
  }
  if (payload + at + pad8(treeBytes) !== size) return null;
  const buf = new ArrayBuffer(at),
    tree = new ArrayBuffer(pad8(treeBytes));
  if (!readFully(fd, new Uint8Array(buf), payload) || !readFully(fd, new Uint8Array(tree), payload + at)) return null;
  const check = new Checksum();
  check.mix(new Uint32Array(buf));
  check.mix(new Uint32Array(tree));
  if (check.fold() !== sum) return null;
  const f64 = (i: number, len: number) => new Float64Array(buf, views[i]!, len);
  const u32 = (i: number, len: number) => new Uint32Array(buf, views[i]!, len);
  const f32 = (i: number, len: number) => new Float32Array(buf, views[i]!, len);
  const forward = { offsets: u32(2, n + 1), targets: u32(3, m), seconds: f32(4, m) };
  if (!soundCsr(forward, n)) return null;
  // The reverse graph turned round from the forward one when first asked for (then kept): sound as the forward one is.
  let reverse: Csr | undefined;
  const graph = { nodeCount: n, lon: f64(0, n), lat: f64(1, n), forward, pointNode: new Uint32Array(0) } as RoadGraph;
  Object.defineProperty(graph, 'reverse', { enumerable: true, get: () => (reverse ??= transposeCsr(n, forward)) });
  const node = u32(5, k);
  for (let i = 0; i < k; i++) if (node[i]! >= n) return null;
  const index = nodeIndexFrom(tree, node);
  if (index.tree.numItems !== k) return null;
  return { graph, index };
}

/** Offsets from 0 rising to the edge count, every target a node, every time finite and not negative. */
function soundCsr(c: { offsets: Uint32Array; targets: Uint32Array; seconds: Float32Array }, n: number): boolean {
  const { offsets, targets, seconds } = c;
  if (offsets[0] !== 0 || offsets[n] !== targets.length) return false;
  for (let u = 0; u < n; u++) if (offsets[u + 1]! < offsets[u]!) return false;
  for (let e = 0; e < targets.length; e++) {
    const s = seconds[e]!;
    if (targets[e]! >= n || !(s >= 0 && s < Infinity)) return false;
  }
  return true;
}
