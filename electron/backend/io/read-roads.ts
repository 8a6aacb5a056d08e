/**
 * 读取路网文件: a road network from GeoJSON (lines) or an OpenStreetMap extract (.osm.pbf), told
 * apart by their bytes, not their names. A file that is neither is refused with what it is and how to
 * convert it (FILE_ERROR); inside a readable file, bad features are listed and skipped.
 *
 * .osm.pbf: the file's blocks are framed and inflated here (zlib, or stored raw; zstd where Node has
 * it) and each block is decoded by osm-pbf-parser-node's `parse`. Kept: ways whose `highway` is a
 * drivable class (DRIVABLE_CLASSES), with their nodes' coordinates, `oneway` (implied for motorway,
 * motorway_link and roundabouts, as OSM's routers do) and `maxspeed`. Dropped and counted: other
 * highway classes (footway, path, cycleway, steps, track, construction …), ways closed to cars
 * (access / motor_vehicle / motorcar = no) and highway areas (area=yes). Ways that refer to nodes the
 * extract left out are split where the nodes are missing. Memory: about 16 bytes per node of the file
 * while it is read. The format's own limits are enforced before anything is allocated or inflated
 * (a BlobHeader at most 64 KiB, a Blob at most 32 MiB stored and 32 MiB inflated, whatever its
 * raw_size says), so a small file cannot make us allocate gigabytes.
 */
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { OSMTransform, parse as parseOsmBlock } from 'osm-pbf-parser-node';
import { ApiError } from '../../../shared/api/errors.ts';
import { DRIVABLE_CLASSES } from '../../../shared/access/network.ts';
import { NotGeoJsonError, readGeoJsonRoads } from '../../../shared/access/read-geojson-roads.ts';
import { parseOneway, parseSpeed, ProblemList, quote, RoadNetworkBuilder, roadMsg, wayWho, type RoadReadResult } from '../../../shared/access/road-import.ts';
import type { Crs } from '../../../shared/geo/crs.ts';
import { toWgs84 } from '../../../shared/geo/crs.ts';

export type RoadFileFormat = 'geojson' | 'osm.pbf';
export interface ReadFileOptions {
  crs?: Crs;
  /** Progress: GeoJSON in features, .osm.pbf in bytes. */
  onProgress?: (done: number, total: number) => void;
  maxProblems?: number;
}

const fileError = (fileName: string, zh: string, en: string) => new ApiError('FILE_ERROR', `「${fileName}」${zh}`, `"${fileName}" ${en}`, { fileName });

const GEOJSON_FIX = {
  zh: '请在 GIS 软件（如 QGIS：导出 → 要素另存为 → GeoJSON，坐标系 EPSG:4326）中另存为 GeoJSON',
  en: 'save it as GeoJSON (e.g. QGIS: Export → Save Features As → GeoJSON, EPSG:4326)',
};

/** What the first bytes say the file is. */
export function sniff(bytes: Uint8Array): 'json' | 'osm.pbf' | 'xml' | 'zip' | 'shp' | 'gzip' | 'bzip2' | 'empty' | 'other' {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (i >= bytes.length) return 'empty';
  if (bytes[i] === 0x7b || bytes[i] === 0x5b) return 'json';
  if (bytes[i] === 0x3c) return 'xml';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes[0] === 0x42 && bytes[1] === 0x5a && bytes[2] === 0x68) return 'bzip2';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x27 && bytes[3] === 0x0a) return 'shp';
  if (bytes.length > 8) {
    const len = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    if (len > 0 && len < 65536 && bytes[4] === 0x0a && Buffer.from(bytes.subarray(4, 4 + Math.min(len, 32))).includes('OSMHeader')) return 'osm.pbf';
  }
  return 'other';
}

/** Why a file that is not GeoJSON (nor, for roads, .osm.pbf) cannot be read, and what to do. */
export function refuse(fileName: string, kind: ReturnType<typeof sniff>, wanted: 'roads' | 'boundaries'): ApiError {
  const want =
    wanted === 'roads'
      ? { zh: '路网应为 GeoJSON（线要素）或 OpenStreetMap 的 .osm.pbf 文件', en: 'a road network must be GeoJSON (lines) or an OpenStreetMap .osm.pbf file' }
      : { zh: '边界应为 GeoJSON（面要素）文件', en: 'boundaries must be a GeoJSON file (polygons)' };
  switch (kind) {
    case 'empty':
      return fileError(fileName, `是空文件：${want.zh}`, `is empty; ${want.en}`);
    case 'xml':
      return fileError(
        fileName,
        `是 XML 文件（如 .osm、.kml、.gpx），不能直接读取：${wanted === 'roads' ? 'OpenStreetMap 的 .osm 可用 osmium cat 文件.osm -o 文件.osm.pbf 转换；其他' : ''}${GEOJSON_FIX.zh}`,
        `is XML (.osm, .kml, .gpx …) and cannot be read as it is: ${wanted === 'roads' ? 'convert OpenStreetMap .osm with `osmium cat file.osm -o file.osm.pbf`; otherwise ' : ''}${GEOJSON_FIX.en}`,
      );
    case 'zip':
      return fileError(
        fileName,
        `是压缩包（.zip，如打包的 Shapefile 或 .kmz）：请先解压，${GEOJSON_FIX.zh}`,
        `is a .zip archive (a zipped shapefile, .kmz …): unzip it, then ${GEOJSON_FIX.en}`,
      );
    case 'shp':
      return fileError(
        fileName,
        `是 Shapefile（.shp），不能直接读取：${GEOJSON_FIX.zh}`,
        `is a shapefile (.shp), which is not read directly: ${GEOJSON_FIX.en}`,
      );
    case 'gzip':
    case 'bzip2':
      return fileError(
        fileName,
        `是压缩文件（.${kind === 'gzip' ? 'gz' : 'bz2'}）：请先解压${wanted === 'roads' ? '（.osm.bz2 解压后再用 osmium cat 转成 .osm.pbf）' : ''}`,
        `is compressed (.${kind === 'gzip' ? 'gz' : 'bz2'}); decompress it first${wanted === 'roads' ? ' (convert an .osm.bz2 to .osm.pbf with osmium cat)' : ''}`,
      );
    case 'osm.pbf':
      return fileError(fileName, `是 OpenStreetMap 的 .osm.pbf 文件：${want.zh}`, `is an OpenStreetMap .osm.pbf file; ${want.en}`);
    default:
      return fileError(
        fileName,
        `不是 GeoJSON${wanted === 'roads' ? '，也不是 .osm.pbf' : ''}：${want.zh}，${GEOJSON_FIX.zh}`,
        `is neither GeoJSON${wanted === 'roads' ? ' nor .osm.pbf' : ''}; ${want.en}: ${GEOJSON_FIX.en}`,
      );
  }
}

/** The JSON of a GeoJSON file: UTF-8 (with or without BOM), or GB18030 as some Chinese software writes it. */
export function parseJsonFile(fileName: string, bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes), 'gb18030');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) {
      // Not a syntax error: the engine ran out of room (nesting or size). Said so, never an internal error.
      throw fileError(
        fileName,
        '嵌套太深或太大，无法读取：不是正常的 GeoJSON 文件，请在 GIS 软件中重新导出为 GeoJSON',
        'is nested too deep or too large to read; it is not an ordinary GeoJSON file: export it as GeoJSON again from the GIS software',
      );
    }
    const detail = (e as Error).message;
    throw fileError(
      fileName,
      `不是有效的 JSON（${detail}）：文件可能不完整或已损坏，请重新导出为 GeoJSON`,
      `is not valid JSON (${detail}); it may be incomplete or damaged: export it as GeoJSON again`,
    );
  }
}

/** Reads a road file of either format. Throws FILE_ERROR when the file cannot be read at all. */
export async function readRoadFile(fileName: string, bytes: Uint8Array, opts: ReadFileOptions = {}): Promise<RoadReadResult & { format: RoadFileFormat }> {
  const kind = sniff(bytes);
  if (kind === 'osm.pbf') return { format: 'osm.pbf', ...(await readOsmPbfRoads(fileName, bytes, opts)) };
  if (kind !== 'json') throw refuse(fileName, kind, 'roads');
  const doc = parseJsonFile(fileName, bytes);
  try {
    return { format: 'geojson', ...readGeoJsonRoads(doc, opts) };
  } catch (e) {
    if (e instanceof NotGeoJsonError) throw fileError(fileName, e.zh, e.en);
    throw e;
  }
}

// ── .osm.pbf ─────────────────────────────────────────────────────────────────────────────────────

/** A protobuf varint at `pos`: [value, next position]. Values up to 2^53 are exact. */
function varint(b: Uint8Array, pos: number): [number, number] {
  let v = 0,
    mul = 1,
    byte: number;
  do {
    if (pos >= b.length) throw new RangeError('truncated varint');
    byte = b[pos++]!;
    v += (byte & 0x7f) * mul;
    mul *= 128;
  } while (byte & 0x80 && mul < 2 ** 64);
  return [v, pos];
}

/** The fields of one protobuf message: field number → [wire type, value or bytes]. */
function fields(b: Uint8Array): Map<number, number | Uint8Array> {
  const out = new Map<number, number | Uint8Array>();
  let pos = 0;
  while (pos < b.length) {
    const [key, p1] = varint(b, pos);
    const field = Math.floor(key / 8),
      wire = key & 7;
    if (wire === 0) {
      const [v, p2] = varint(b, p1);
      out.set(field, v);
      pos = p2;
    } else if (wire === 2) {
      const [len, p2] = varint(b, p1);
      if (p2 + len > b.length) throw new RangeError('truncated field');
      out.set(field, b.subarray(p2, p2 + len));
      pos = p2 + len;
    } else if (wire === 1) pos = p1 + 8;
    else if (wire === 5) pos = p1 + 4;
    else throw new RangeError(`wire type ${wire}`);
  }
  return out;
}

/** Calls `fn` for every field of one protobuf message, repeated ones included (no copies: bytes are views). */
function eachField(b: Uint8Array, fn: (field: number, value: number | Uint8Array) => void): void {
  let pos = 0;
  while (pos < b.length) {
    const [key, p1] = varint(b, pos);
    const field = Math.floor(key / 8),
      wire = key & 7;
    if (wire === 0) {
      const [v, p2] = varint(b, p1);
      fn(field, v);
      pos = p2;
    } else if (wire === 2) {
      const [len, p2] = varint(b, p1);
      if (p2 + len > b.length) throw new RangeError('truncated field');
      fn(field, b.subarray(p2, p2 + len));
      pos = p2 + len;
    } else if (wire === 1) pos = p1 + 8;
    else if (wire === 5) pos = p1 + 4;
    else throw new RangeError(`wire type ${wire}`);
  }
}

/** The varints of a packed field: its bytes without the continuation bit. */
function packedCount(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i]! < 0x80) n++;
  return n;
}

/**
 * What decoding a PrimitiveBlock would create, counted from its bytes before it is decoded: entities
 * (nodes, plain and dense, ways, relations) and references (a way's nodes, a relation's members). A
 * 30 KB block inflating to 32 MiB of dense nodes is ten million objects; this is how it is refused first.
 */
export function pbfBlockObjects(block: Uint8Array): { entities: number; refs: number } {
  let entities = 0,
    refs = 0;
  eachField(block, (f, group) => {
    if (f !== 2 || !(group instanceof Uint8Array)) return;
    eachField(group, (g, v) => {
      if (!(v instanceof Uint8Array)) return;
      if (g === 1 || g === 5)
        entities++; // a node, a changeset
      else if (g === 2)
        eachField(v, (d, ids) => {
          if (d === 1 && ids instanceof Uint8Array) entities += packedCount(ids);
        });
      else if (g === 3 || g === 4) {
        // a way and its refs (8); a relation and its members (9)
        entities++;
        eachField(v, (w, r) => {
          if ((w === 8 || w === 9) && r instanceof Uint8Array) refs += packedCount(r);
        });
      }
    });
  });
  return { entities, refs };
}

/**
 * The weight of a block: a decoded entity is an object (osm-pbf-parser-node holds about 1 KB for a
 * dense node while it decodes its block), a reference a number in an array, so eight references
 * weigh one entity. osmium, osmosis and Geofabrik write 8000 entities a block, as the format
 * recommends (ways average about ten references): a block may weigh 100,000, over twelve times any
 * real block and about 100 MB to decode.
 */
export const PBF_MAX_BLOCK_WEIGHT = 100_000;
/** Weight per byte of the file, over the whole file: real extracts hold well under one (the test extract roads-kaifu: under 0.09). */
export const PBF_MAX_WEIGHT_PER_BYTE = 4;

interface OsmWay {
  type: 'way';
  id: number;
  refs: number[];
  tags?: Record<string, string>;
}
interface OsmNode {
  type: 'node';
  id: number;
  lat: number;
  lon: number;
}

const WAY_TAGS = ['highway', 'oneway', 'maxspeed', 'junction', 'access', 'motor_vehicle', 'motorcar', 'area'];
const CLOSED = new Set(['no']);

/** Growable columns of numbers. */
class Column<T extends Float64Array | Int32Array | Uint32Array | Int8Array | Float32Array> {
  length = 0;
  data: T;
  constructor(data: T) {
    this.data = data;
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      next.set(this.data as never);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** The OSM PBF format's limits (wiki.openstreetmap.org/wiki/PBF_Format): a BlobHeader ≤ 64 KiB, a Blob ≤ 32 MiB, stored and inflated. */
export const PBF_MAX_HEADER = 64 * 1024;
export const PBF_MAX_BLOB = 32 * 1024 * 1024;

const mib = (n: number) => (n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0);

export async function readOsmPbfRoads(fileName: string, bytes: Uint8Array, opts: ReadFileOptions = {}): Promise<RoadReadResult> {
  const crs = opts.crs ?? 'wgs84';
  const bad = (zh: string, en: string) =>
    fileError(
      fileName,
      `不是完整有效的 .osm.pbf 文件（${zh}）：文件可能只下载了一部分或已损坏，请重新下载或用 osmium cat 重新写出`,
      `is not a complete, valid .osm.pbf file (${en}); it may be partly downloaded or damaged: download it again or rewrite it with osmium cat`,
    );
  const tooLarge = (block: number, what: { zh: string; en: string }, size: number) =>
    fileError(
      fileName,
      `不是有效的 .osm.pbf 文件：第 ${block} 块${what.zh} ${mib(size)} MB，超过了 .osm.pbf 格式规定的 32 MB 上限（文件已损坏或不是正常工具写出的）：请重新下载，或用 osmium cat 重新写出后再导入`,
      `is not a valid .osm.pbf file: block ${block} ${what.en} ${mib(size)} MB, beyond the 32 MB the .osm.pbf format allows (the file is damaged or was not written by a regular tool); download it again or rewrite it with osmium cat`,
    );
  const decoder = new OSMTransform({ withTags: { node: false, way: WAY_TAGS, relation: false } });
  const nodeIds = new Column(new Float64Array(1 << 16));
  const nodeLon = new Column(new Int32Array(1 << 16));
  const nodeLat = new Column(new Int32Array(1 << 16));
  let sorted = true,
    lastId = -Infinity;
  const wayRefs = new Column(new Float64Array(1 << 16));
  // Kept ways as columns (a province has millions: no object each): id, end of its refs, class (interned), speed (NaN: the class's), one-way.
  const wayId = new Column(new Float64Array(1 << 12));
  const wayEnd = new Column(new Uint32Array(1 << 12));
  const wayClass = new Column(new Uint32Array(1 << 12));
  const waySpeed = new Column(new Float32Array(1 << 12));
  const wayOneway = new Column(new Int8Array(1 << 12));
  const classes: string[] = [];
  const classIndex = new Map<string, number>();
  const dropped: Record<string, number> = {};
  const problems = new ProblemList(opts.maxProblems);
  let features = 0,
    skipped = 0;
  const drop = (k: string) => {
    dropped[k] = (dropped[k] ?? 0) + 1;
  };

  const total = bytes.length;
  let pos = 0,
    lastReport = -1;
  let blocks = 0,
    totalWeight = 0;
  while (pos < total) {
    let header: Map<number, number | Uint8Array>, blob: Map<number, number | Uint8Array>;
    let size: number, hlen: number;
    try {
      if (pos + 4 > total) throw new RangeError('truncated');
      hlen = ((bytes[pos]! << 24) | (bytes[pos + 1]! << 16) | (bytes[pos + 2]! << 8) | bytes[pos + 3]!) >>> 0;
      if (hlen > PBF_MAX_HEADER || pos + 4 + hlen > total) throw new RangeError('block header');
      header = fields(bytes.subarray(pos + 4, pos + 4 + hlen));
      const declared = header.get(3);
      if (typeof declared !== 'number') throw new RangeError('block size');
      size = declared;
    } catch {
      throw bad(`第 ${blocks + 1} 块数据不完整`, `block ${blocks + 1} is incomplete`);
    }
    if (size > PBF_MAX_BLOB) throw tooLarge(blocks + 1, { zh: '声明的大小为', en: 'declares a size of' }, size);
    try {
      const start = pos + 4 + hlen;
      if (start + size > total) throw new RangeError('block size');
      blob = fields(bytes.subarray(start, start + size));
      pos = start + size;
    } catch {
      throw bad(`第 ${blocks + 1} 块数据不完整`, `block ${blocks + 1} is incomplete`);
    }
    const type = header.get(1) instanceof Uint8Array ? Buffer.from(header.get(1) as Uint8Array).toString('utf8') : '';
    if (blocks === 0 && type !== 'OSMHeader') throw bad('缺少文件头', 'no OSMHeader block');
    blocks++;
    if (type !== 'OSMData') continue; // OSMHeader, and unknown blocks, which the format says to skip
    let data: Buffer;
    const raw = blob.get(1),
      zdata = blob.get(3),
      zstd = blob.get(7);
    // raw_size: the inflated size, which the format bounds by 32 MiB; nothing is inflated beyond that
    // bound, whatever raw_size says.
    const rawSize = blob.get(2);
    if (typeof rawSize === 'number' && rawSize > PBF_MAX_BLOB) throw tooLarge(blocks, { zh: '声明解压后为', en: 'declares an inflated size of' }, rawSize);
    const maxOutputLength = PBF_MAX_BLOB;
    try {
      if (raw instanceof Uint8Array) data = Buffer.from(raw);
      else if (zdata instanceof Uint8Array) data = zlib.inflateSync(zdata, { maxOutputLength });
      else if (zstd instanceof Uint8Array && typeof (zlib as { zstdDecompressSync?: unknown }).zstdDecompressSync === 'function') {
        data = (zlib as unknown as { zstdDecompressSync: (b: Uint8Array, o: object) => Buffer }).zstdDecompressSync(zstd, { maxOutputLength });
      } else {
        throw fileError(
          fileName,
          '使用了本程序不支持的压缩方式（lzma、lz4 或 zstd）：请用 osmium cat 输入.osm.pbf -o 输出.osm.pbf -f pbf,pbf_compression=zlib 重新写出后再导入',
          'uses a compression this program cannot read (lzma, lz4 or zstd); rewrite it with `osmium cat in.osm.pbf -o out.osm.pbf -f pbf,pbf_compression=zlib` and import that',
        );
      }
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(blocks, { zh: '解压后超过', en: 'inflates to more than' }, PBF_MAX_BLOB);
      throw bad(`第 ${blocks} 块无法解压`, `block ${blocks} cannot be inflated`);
    }
    let counted: { entities: number; refs: number };
    try {
      counted = pbfBlockObjects(data);
    } catch {
      throw bad(`第 ${blocks} 块无法解析`, `block ${blocks} cannot be decoded`);
    }
    const weight = counted.entities + counted.refs / 8;
    totalWeight += weight;
    if (weight > PBF_MAX_BLOCK_WEIGHT || totalWeight > Math.max(PBF_MAX_BLOCK_WEIGHT, PBF_MAX_WEIGHT_PER_BYTE * total)) {
      const word =
        weight > PBF_MAX_BLOCK_WEIGHT
          ? {
              zh: `第 ${blocks} 块含有 ${counted.entities} 个要素、${counted.refs} 个引用（正常的文件每块约 8000 个要素）`,
              en: `block ${blocks} holds ${counted.entities} entities and ${counted.refs} references (regular files hold about 8000 entities a block)`,
            }
          : {
              zh: `前 ${blocks} 块的数据量与 ${Math.ceil(total / 1024)} KB 的文件大小极不相称`,
              en: `its first ${blocks} blocks hold data out of all proportion to a file of ${Math.ceil(total / 1024)} KB`,
            };
      throw fileError(
        fileName,
        `不是正常的 .osm.pbf 文件：${word.zh}，读取会耗尽内存：请重新下载，或用 osmium cat 重新写出后再导入`,
        `is not a regular .osm.pbf file: ${word.en}; reading it would exhaust memory: download it again or rewrite it with osmium cat`,
      );
    }
    let items: unknown[];
    try {
      items = parseOsmBlock(data, decoder) as unknown[];
    } catch {
      throw bad(`第 ${blocks} 块无法解析`, `block ${blocks} cannot be decoded`);
    }
    for (const it of items as (OsmNode | OsmWay | { type: 'relation' })[]) {
      if (it.type === 'node') {
        if (it.id <= lastId) sorted = false;
        lastId = it.id;
        nodeIds.push(it.id);
        nodeLon.push(Math.round(it.lon * 1e7));
        nodeLat.push(Math.round(it.lat * 1e7));
      } else if (it.type === 'way') {
        const tags = it.tags;
        const h = tags?.highway;
        if (h === undefined) continue;
        features++;
        const highway = h.trim().toLowerCase();
        if (!DRIVABLE_CLASSES.has(highway)) {
          drop(highway || '(empty)');
          continue;
        }
        if (CLOSED.has(tags!.access ?? '') || CLOSED.has(tags!.motor_vehicle ?? '') || CLOSED.has(tags!.motorcar ?? '')) {
          drop('access=no');
          continue;
        }
        if (tags!.area === 'yes') {
          drop('area=yes');
          continue;
        }
        if (it.refs.length < 2) {
          problems.add(it.id, () => roadMsg.tooFewPoints(wayWho(it.id), null, it.refs.length));
          skipped++;
          continue;
        }
        const implied = highway === 'motorway' || highway === 'motorway_link' || /^(roundabout|circular)$/.test(tags!.junction ?? '') ? 1 : 0;
        let oneway = parseOneway(tags!.oneway, implied);
        if (oneway === null) {
          problems.add(it.id, () => roadMsg.badOneway(wayWho(it.id), quote(tags!.oneway)));
          oneway = 0;
        }
        let speed = parseSpeed(tags!.maxspeed);
        if (speed === null) {
          problems.add(it.id, () => roadMsg.badSpeed(wayWho(it.id), quote(tags!.maxspeed), highway));
          speed = undefined;
        }
        for (const r of it.refs) wayRefs.push(r);
        let cls = classIndex.get(highway);
        if (cls === undefined) classIndex.set(highway, (cls = classes.push(highway) - 1));
        wayId.push(it.id);
        wayEnd.push(wayRefs.length);
        wayClass.push(cls);
        waySpeed.push(speed ?? NaN);
        wayOneway.push(oneway);
      }
    }
    if (opts.onProgress) {
      const pct = Math.floor((pos / total) * 100);
      if (pct !== lastReport) {
        lastReport = pct;
        opts.onProgress(pos, total);
      }
    }
  }

  // Resolve every kept way's nodes: by binary search over the ids (sorted, as extracts are).
  const n = nodeIds.length;
  const ids = nodeIds.data,
    lon = nodeLon.data,
    lat = nodeLat.data;
  let order: Uint32Array | null = null;
  if (!sorted) {
    order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => ids[a]! - ids[b]!);
  }
  const find = (id: number): number => {
    let lo = 0,
      hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = order ? order[mid]! : mid;
      const v = ids[at]!;
      if (v === id) return at;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const b = new RoadNetworkBuilder();
  let cut = 0,
    lost = 0;
  const refs = wayRefs.data;
  for (let i = 0; i < wayId.length; i++) {
    const w = {
      id: wayId.data[i]!,
      from: i ? wayEnd.data[i - 1]! : 0,
      to: wayEnd.data[i]!,
      highway: classes[wayClass.data[i]!]!,
      speed: Number.isNaN(waySpeed.data[i]!) ? undefined : waySpeed.data[i]!,
      oneway: wayOneway.data[i]! as -1 | 0 | 1,
    };
    let pieces = 0,
      missing = false;
    b.begin();
    for (let k = w.from; k < w.to; k++) {
      const at = find(refs[k]!);
      if (at < 0) {
        missing = true;
        if (b.end(w.highway, w.speed, w.oneway)) pieces++;
        b.begin();
        continue;
      }
      const x = lon[at]! / 1e7,
        y = lat[at]! / 1e7;
      if (crs === 'wgs84') b.point(x, y);
      else {
        const [px, py] = toWgs84(crs, x, y);
        b.point(px, py);
      }
    }
    const count = b.pendingPoints;
    if (b.end(w.highway, w.speed, w.oneway)) pieces++;
    if (missing) cut++;
    if (pieces === 0) {
      skipped++;
      if (missing) lost++;
      else problems.add(w.id, () => roadMsg.tooFewPoints(wayWho(w.id), null, count));
    }
  }
  opts.onProgress?.(total, total);
  const built = b.build();
  const list = problems.items;
  if (cut) {
    const m = roadMsg.missingNodes(cut, lost);
    list.unshift({ feature: 0, message: m.zh, messageEn: m.en });
  }
  return {
    network: built.network,
    features,
    points: built.points,
    km: built.km,
    kmByClass: built.kmByClass,
    bbox: built.bbox,
    dropped,
    skipped,
    problems: list,
    problemsTruncated: problems.truncated,
  };
}
