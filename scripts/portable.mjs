// `npm run portable`: archives a planner unpacks and double-clicks, one per platform, each holding that
// platform's Node, the built app, data/, the production node_modules and the launchers.
//   node scripts/portable.mjs [--targets win-x64,linux-x64] [--out dist/portable] [--no-build]
// Writes <out>/HealthPlan-<version>-<target>.zip|.tar.gz, <out>/SHA256SUMS and <out>/manifest.json
// (both describe the archives of this run). Node tarballs are cached in <out>/cache; the staging
// folders are <out>/stage/<target>/, rebuilt on every run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeArchive } from './portable/archive.mjs';
import { pinnedNodeVersion, stageNode } from './portable/node-build.mjs';
import { stageApp, stageLaunchers, stageNodeModules } from './portable/stage.mjs';
import { TARGETS, archiveName, topFolder } from './portable/targets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The archives' one mtime: SOURCE_DATE_EPOCH, else the last commit's time, else now. */
function sourceDateEpoch() {
  if (/^\d+$/.test(process.env.SOURCE_DATE_EPOCH ?? '')) return Number(process.env.SOURCE_DATE_EPOCH);
  try {
    return Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return Math.floor(Date.now() / 1000);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      targets: { type: 'string', default: Object.keys(TARGETS).join(',') },
      out: { type: 'string', default: 'dist/portable' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const targets = values.targets
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const unknown = targets.filter((t) => !TARGETS[t]);
  if (unknown.length || !targets.length) throw new Error(`Unknown target ${unknown.join(', ') || '(none)'}: choose from ${Object.keys(TARGETS).join(', ')}`);
  const outDir = path.resolve(root, values.out);
  const started = Date.now();

  if (!values['no-build']) {
    console.log('Building out/ (scripts/build.mjs) …');
    const { buildNode, buildRenderer } = await import('./build.mjs');
    await buildNode();
    await buildRenderer();
  }
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const nodeVersion = pinnedNodeVersion(lock);
  const mtime = sourceDateEpoch();
  const cache = path.join(outDir, 'cache');

  const manifest = [];
  for (const target of targets) {
    const t = TARGETS[target];
    const stage = path.join(outDir, 'stage', target);
    const top = topFolder(version, target);
    fs.rmSync(stage, { recursive: true, force: true });
    const topDir = path.join(stage, top);
    fs.mkdirSync(topDir, { recursive: true });

    stageNode({ root, cache, target, version: nodeVersion, top: topDir });
    stageApp(root, path.join(topDir, 'app'));
    const packages = stageNodeModules(root, path.join(topDir, 'app'), target);
    stageLaunchers(root, topDir, target, version);

    const file = archiveName(version, target);
    const { bytes, sha256 } = await writeArchive({ stage, top, file: path.join(outDir, file), format: t.format, mtime });
    manifest.push({ target, file, bytes, sha256, node: nodeVersion, sqliteBinary: `better-sqlite3/prebuilds/${t.sqlite}.node` });
    console.log(`${file}  ${(bytes / 1e6).toFixed(1)} MB  (Node ${nodeVersion}, ${packages} packages)`);
  }
  fs.writeFileSync(path.join(outDir, 'SHA256SUMS'), manifest.map((m) => `${m.sha256}  ${m.file}\n`).join(''));
  fs.writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${manifest.length} archive(s) in ${values.out} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((e) => {
  console.error(`npm run portable: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
});
