#!/bin/sh
# HealthPlan {{VERSION}}: starts the local program and opens its window, with the Node inside this folder.
here=$(cd -P "$(dirname "$0")" && pwd)
exec "$here/node/bin/node" "$here/app/out/launch.mjs" "$@"
