// Fills the staging folder of one target: the app (package.json, data/, bin/, out/), the production
// node_modules and the launchers. The caller adds Node (node-build.mjs) and writes the archive (archive.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { packageName, productionClosure } from './closure.mjs';
import { TARGETS } from './targets.mjs';

/** out/ files that belong to Electron and stay out of the portable app. */
const ELECTRON_ONLY = new Set(['main.mjs', 'preload.cjs']);
/** out/ files the portable app cannot start without. */
const NEEDED_OUT = ['launch.mjs', 'cli.mjs', 'web-door.mjs', 'web.mjs', 'analysis-worker.mjs', 'renderer/index.html'];

/** Folders left out of a package, by package: parts Node never loads. */
const PACKAGE_PRUNE = {
  exceljs: ['dist'], // browser bundles; Node loads excel.js → lib/
  zod: ['src'], // TypeScript sources, reached only through the "@zod/source" export condition
};
/** Folders at a package's root left out unless its package.json points into them. */
const ROOT_DIRS_DROPPED = new Set(['test', 'tests', '__tests__', 'docs', 'doc', 'example', 'examples', 'benchmark', 'benchmarks', '.github']);

const isLicense = (name) => /^(licen[cs]e|copying|notice)/i.test(name);
/** Files no package needs at run time. */
function droppedFile(name) {
  if (name.endsWith('.map')) return true;
  if (/\.d\.[cm]?ts$/.test(name)) return true;
  if (/\.(md|markdown)$/i.test(name) && !isLicense(name)) return true;
  return false;
}

function copyFile(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

/** Copies a tree, following symlinks, leaving out what `skip(relativePath, dirent)` says. */
function copyTree(from, to, skip = () => false, rel = '') {
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    const src = path.join(from, e.name);
    const isDir = e.isDirectory() || (e.isSymbolicLink() && fs.statSync(src).isDirectory());
    if (skip(r, isDir)) continue;
    if (isDir) copyTree(src, path.join(to, e.name), skip, r);
    else copyFile(src, path.join(to, e.name));
  }
}

/** The app: trimmed package.json, data/, bin/healthplan.mjs, out/ (no maps, nothing of Electron). */
export function stageApp(root, app) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const trimmed = {};
  for (const k of ['name', 'productName', 'version', 'private', 'type', 'description', 'license', 'dependencies']) {
    if (pkg[k] !== undefined) trimmed[k] = pkg[k];
  }
  fs.mkdirSync(app, { recursive: true });
  fs.writeFileSync(path.join(app, 'package.json'), `${JSON.stringify(trimmed, null, 2)}\n`);
  copyTree(path.join(root, 'data'), path.join(app, 'data'));
  copyFile(path.join(root, 'bin', 'healthplan.mjs'), path.join(app, 'bin', 'healthplan.mjs'));

  const out = path.join(root, 'out');
  const missing = NEEDED_OUT.filter((f) => !fs.existsSync(path.join(out, f)));
  if (missing.length) throw new Error(`out/ lacks ${missing.join(', ')}: run \`node scripts/build.mjs\` (or drop --no-build)`);
  for (const e of fs.readdirSync(out, { withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.mjs') && !ELECTRON_ONLY.has(e.name)) copyFile(path.join(out, e.name), path.join(app, 'out', e.name));
  }
  copyTree(path.join(out, 'renderer'), path.join(app, 'out', 'renderer'), (r, isDir) => !isDir && droppedFile(r.split('/').pop()));
}

/** better-sqlite3 trimmed to what loads on the target: package.json, LICENSE, lib/ and one prebuild. */
function stageSqlite(from, to, sqlite) {
  const binary = path.join(from, 'prebuilds', `${sqlite}.node`);
  if (!fs.existsSync(binary)) throw new Error(`better-sqlite3 has no prebuilt binary ${sqlite}.node in ${path.dirname(binary)}`);
  copyFile(path.join(from, 'package.json'), path.join(to, 'package.json'));
  copyFile(path.join(from, 'LICENSE'), path.join(to, 'LICENSE'));
  copyTree(path.join(from, 'lib'), path.join(to, 'lib'));
  copyFile(binary, path.join(to, 'prebuilds', `${sqlite}.node`));
}

/** node_modules: the production closure of package-lock.json, copied from the project's node_modules. */
export function stageNodeModules(root, app, target) {
  const t = TARGETS[target];
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const keys = productionClosure(lock, t);
  for (const key of keys) {
    const from = path.join(root, key);
    const to = path.join(app, key);
    if (!fs.existsSync(path.join(from, 'package.json'))) {
      if (lock.packages[key].optional) continue;
      throw new Error(`${key} is a production dependency but is not installed: run \`npm ci\``);
    }
    const name = packageName(key);
    if (name === 'better-sqlite3') {
      stageSqlite(from, to, t.sqlite);
      continue;
    }
    const pkgText = fs.readFileSync(path.join(from, 'package.json'), 'utf8');
    const entryPoints = JSON.stringify((({ main, module, exports, bin, browser }) => ({ main, module, exports, bin, browser }))(JSON.parse(pkgText)));
    const pruned = new Set(PACKAGE_PRUNE[name] ?? []);
    copyTree(from, to, (r, isDir) => {
      const base = r.split('/').pop();
      if (isDir) {
        if (base === 'node_modules' || base === '.bin') return true; // nested packages are lock keys of their own
        if (!r.includes('/') && (pruned.has(r) || (ROOT_DIRS_DROPPED.has(r) && !entryPoints.includes(`${r}/`)))) return true;
        return false;
      }
      return droppedFile(base);
    });
  }
  return keys.length;
}

/** Launchers and 使用说明.txt from build/portable/, with Windows line endings (and a BOM for the text) on Windows. */
export function stageLaunchers(root, top, target, version) {
  const t = TARGETS[target];
  const templates = path.join(root, 'build', 'portable');
  const fill = (text) => text.replaceAll('{{VERSION}}', version).replaceAll('{{TARGET}}', target);
  const win = t.platform === 'win32';
  const eol = (text) => (win ? text.replace(/\r?\n/g, '\r\n') : text);
  for (const [name, template] of Object.entries(t.launchers)) {
    const text = eol(fill(fs.readFileSync(path.join(templates, template), 'utf8')));
    if (win && /\P{ASCII}/u.test(text)) throw new Error(`${template}: Windows launchers must be ASCII only`);
    fs.writeFileSync(path.join(top, name), text);
  }
  const readme = eol(fill(fs.readFileSync(path.join(templates, t.readme), 'utf8')));
  fs.writeFileSync(path.join(top, '使用说明.txt'), win ? `\ufeff${readme}` : readme);
}
