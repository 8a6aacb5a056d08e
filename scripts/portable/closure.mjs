// The production dependency closure, read from package-lock.json (lockfile v2/v3): every entry under
// "packages" whose key is a node_modules/ path and that is neither `dev` nor `devOptional`. npm marks a
// package `dev` when only devDependencies reach it, `devOptional` when only dev or optional ones do.

/**
 * @param {{ lockfileVersion?: number, packages?: Record<string, { dev?: boolean, devOptional?: boolean, optional?: boolean, os?: string[], cpu?: string[] }> }} lock
 * @param {{ platform?: string, arch?: string }} [target] when given, optional packages built for another os/cpu are left out
 * @returns {string[]} the lock keys (`node_modules/a`, `node_modules/a/node_modules/b`), sorted
 */
export function productionClosure(lock, target = {}) {
  if (!lock.packages || !(Number(lock.lockfileVersion) >= 2)) {
    throw new Error('package-lock.json has no "packages" map (lockfile v2 or v3 needed): run `npm install` with npm 7 or later');
  }
  const keys = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/') || entry.dev || entry.devOptional) continue;
    if (entry.optional && !fits(entry.os, target.platform)) continue;
    if (entry.optional && !fits(entry.cpu, target.arch)) continue;
    keys.push(key);
  }
  return keys.sort();
}

/** npm's os/cpu lists: ["linux"], ["!win32"]; no list or no target fits everything. */
function fits(list, value) {
  if (!list || !value) return true;
  const denied = list.filter((v) => v.startsWith('!')).map((v) => v.slice(1));
  const allowed = list.filter((v) => !v.startsWith('!'));
  return !denied.includes(value) && (allowed.length === 0 || allowed.includes(value));
}

/** The package name of a lock key: `node_modules/a/node_modules/@s/b` → `@s/b`. */
export const packageName = (key) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
