// Writes one staged folder as a reproducible archive: entries sorted by name, owned by 0/0, one mtime;
// unix modes 0755 for the launchers and node, 0644 for the rest. tar.gz through the system tar, zip through yazl.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import yazl from 'yazl';
import { EXECUTABLES } from './targets.mjs';

/** Every file under `dir` as a sorted list of paths relative to it, with forward slashes. */
function listFiles(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, r));
    else out.push(r);
  }
  return out.sort();
}

/** Sets the modes the archive keeps: folders and executables 0755, files 0644. */
function fixModes(dir, top, rel = '') {
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    const p = path.join(dir, r);
    if (e.isDirectory()) {
      fs.chmodSync(p, 0o755);
      fixModes(dir, top, r);
    } else fs.chmodSync(p, EXECUTABLES.has(r.slice(top.length + 1)) ? 0o755 : 0o644);
  }
}

async function writeTarGz(stage, top, file, mtime) {
  fixModes(stage, top);
  fs.chmodSync(path.join(stage, top), 0o755);
  const tar = spawn('tar', ['--sort=name', '--format=gnu', '--owner=0', '--group=0', '--numeric-owner', `--mtime=@${mtime}`, '-C', stage, '-cf', '-', top], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve, reject) =>
    tar.on('error', reject).on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tar exited with ${code}`)))),
  );
  // zlib's gzip header carries no name and a zero mtime: the same input gives the same bytes.
  await pipeline(tar.stdout, zlib.createGzip({ level: 9 }), fs.createWriteStream(file));
  await exited;
}

async function writeZip(stage, top, file, mtime) {
  const zip = new yazl.ZipFile();
  const date = new Date(mtime * 1000);
  for (const r of listFiles(path.join(stage, top))) {
    zip.addFile(path.join(stage, top, r), `${top}/${r}`, { mtime: date, mode: 0o100644, compressionLevel: 9 });
  }
  zip.end();
  await pipeline(zip.outputStream, fs.createWriteStream(file));
}

/** Writes `<stage>/<top>` to `file` (zip or tar.gz) and returns its size and sha256. */
export async function writeArchive({ stage, top, file, format, mtime }) {
  fs.rmSync(file, { force: true });
  if (format === 'zip') await writeZip(stage, top, file, mtime);
  else await writeTarGz(stage, top, file, mtime);
  const bytes = fs.statSync(file).size;
  const sha256 = await new Promise((resolve, reject) => {
    const h = crypto.createHash('sha256');
    fs.createReadStream(file)
      .on('error', reject)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve(h.digest('hex')));
  });
  return { bytes, sha256 };
}
