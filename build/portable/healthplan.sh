#!/bin/sh
# The healthplan command line (./healthplan --help), with the Node inside this folder.
# A symbolic link to it (say in ~/bin) works too: the link is followed to this folder.
self=$0
if [ -L "$self" ] && command -v readlink >/dev/null 2>&1; then self=$(readlink -f "$self"); fi
here=$(cd -P "$(dirname "$self")" && pwd)
exec "$here/node/bin/node" "$here/app/bin/healthplan.mjs" "$@"
