// Reads the portable archives (dist/portable, `npm run portable`) without unpacking them: the entries of a
// .tar.gz (gunzip + a small tar reader) or a .zip (yauzl), with the bytes of the members asked for.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

export const root = path.resolve(import.meta.dirname, '../..');
export const portableDir = path.join(root, 'dist', 'portable');

export interface ManifestEntry {
  target: string;
  file: string;
  bytes: number;
  sha256: string;
  node: string;
  sqliteBinary: string;
}
/** dist/portable/manifest.json, or [] when no archive was built. */
export function readManifest(): ManifestEntry[] {
  const file = path.join(portableDir, 'manifest.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ManifestEntry[]) : [];
}

export interface Member {
  name: string;
  /** Unix permission bits (0o755 …). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  dir: boolean;
  /** The member's bytes (all of them, or its first 4 KB), when asked for. */
  data?: Buffer;
}
/** Which members' bytes to read: 'all', 'head' (first 4 KB) or nothing. */
export type Want = (name: string) => 'all' | 'head' | false;

const HEAD = 4096;
const octal = (b: Buffer, from: number, len: number) =>
  parseInt(
    b
      .subarray(from, from + len)
      .toString('latin1')
      .replace(/\0.*$/s, '')
      .trim() || '0',
    8,
  );
const cString = (b: Buffer, from: number, len: number) => {
  const s = b.subarray(from, from + len);
  const end = s.indexOf(0);
  return s.subarray(0, end < 0 ? len : end).toString('utf8');
};

/** The members of a .tar.gz (ustar and GNU long names). */
export function readTarGz(file: string, want: Want = () => false): Member[] {
  const tar = zlib.gunzipSync(fs.readFileSync(file));
  const members: Member[] = [];
  let longName: string | undefined;
  for (let at = 0; at + 512 <= tar.length; ) {
    const h = tar.subarray(at, at + 512);
    if (h.every((b) => b === 0)) break;
    const size = octal(h, 124, 12);
    const type = String.fromCharCode(h[156]!);
    const body = tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = cString(body, 0, body.length);
      continue;
    }
    const prefix = cString(h, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${cString(h, 0, 100)}` : cString(h, 0, 100));
    longName = undefined;
    const w = want(name);
    members.push({
      name,
      mode: octal(h, 100, 8) & 0o7777,
      uid: octal(h, 108, 8),
      gid: octal(h, 116, 8),
      size,
      dir: type === '5',
      data: w === 'all' ? Buffer.from(body) : w === 'head' ? Buffer.from(body.subarray(0, HEAD)) : undefined,
    });
  }
  return members;
}

interface YauzlEntry {
  fileName: string;
  externalFileAttributes: number;
  uncompressedSize: number;
}
interface YauzlZip {
  readEntry(): void;
  on(event: 'entry', f: (e: YauzlEntry) => void): YauzlZip;
  on(event: 'end', f: () => void): YauzlZip;
  on(event: 'error', f: (e: Error) => void): YauzlZip;
  openReadStream(e: YauzlEntry, f: (err: Error | null, s: NodeJS.ReadableStream & { destroy(): void }) => void): void;
}
interface Yauzl {
  open(file: string, opts: { lazyEntries: boolean }, f: (err: Error | null, zip: YauzlZip) => void): void;
}
// yauzl has no type declarations: the little used here is typed above.
const yauzl = createRequire(import.meta.url)('yauzl') as Yauzl;

function readMember(zip: YauzlZip, e: YauzlEntry, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(e, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      let n = 0;
      stream.on('data', (c: Buffer) => {
        chunks.push(c);
        n += c.length;
        if (n >= limit) {
          stream.destroy();
          resolve(Buffer.concat(chunks).subarray(0, limit));
        }
      });
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', (e2: Error) => {
        if (n < limit) reject(e2);
      });
    });
  });
}

/** The members of a .zip (mode from the unix external attributes; zip keeps no owner: uid/gid 0). */
export function readZip(file: string, want: Want = () => false): Promise<Member[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const members: Member[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(members));
      zip.on('entry', (e) => {
        const w = want(e.fileName);
        const m: Member = {
          name: e.fileName,
          mode: (e.externalFileAttributes >>> 16) & 0o7777,
          uid: 0,
          gid: 0,
          size: e.uncompressedSize,
          dir: e.fileName.endsWith('/'),
        };
        members.push(m);
        if (!w) return zip.readEntry();
        readMember(zip, e, w === 'all' ? Infinity : HEAD).then((data) => {
          m.data = data;
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  });
}

export const readArchive = (file: string, want?: Want): Promise<Member[]> =>
  file.endsWith('.zip') ? readZip(file, want) : Promise.resolve(readTarGz(file, want));

/** The machine an executable or shared library is built for, from its first bytes: ELF e_machine or PE Machine. */
export function binaryMachine(head: Buffer): { format: 'elf' | 'pe'; machine: number; bits: 64 | 32; library: boolean } | undefined {
  if (head.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) {
    if (head[5] !== 1) return undefined; // little-endian only
    // EI_CLASS 2 = 64-bit; e_type 3 = ET_DYN (a shared object: the .node addon, and also a PIE executable).
    return { format: 'elf', machine: head.readUInt16LE(18), bits: head[4] === 2 ? 64 : 32, library: head.readUInt16LE(16) === 3 };
  }
  if (head.subarray(0, 2).toString('latin1') === 'MZ') {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 26 > head.length || head.subarray(pe, pe + 4).toString('latin1') !== 'PE\0\0') return undefined;
    const characteristics = head.readUInt16LE(pe + 22);
    // Optional header magic 0x20b = PE32+ (64-bit); IMAGE_FILE_DLL 0x2000 marks a DLL (the .node addon).
    return {
      format: 'pe',
      machine: head.readUInt16LE(pe + 4),
      bits: head.readUInt16LE(pe + 24) === 0x20b ? 64 : 32,
      library: (characteristics & 0x2000) !== 0,
    };
  }
  return undefined;
}
