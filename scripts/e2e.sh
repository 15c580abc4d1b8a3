#!/usr/bin/env bash
# `npm run e2e`: GSM Log Lens in real VS Code (code-server + headless Chromium), see e2e/run.cjs.
# 1. scripts/e2e-setup.sh installs/caches Chromium, Node 24 and code-server (cold ~2-3 min, warm <1 s);
# 2. npm run package builds out/ and writes gsm-log-lens.vsix;
# 3. node e2e/run.cjs: extension-host tests (development mode) + UI smoke test of the VSIX.
# Exits non-zero on any failure; the last line is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
t0=$SECONDS
fail() { echo "e2e: $1" >&2; echo "0 passed, 1 failed"; exit 1; }

setup_out="$(bash scripts/e2e-setup.sh 2>&1)"; rc=$?
printf '%s\n' "$setup_out" | grep -v -E '^(NODE24|CODE_SERVER_ENTRY)='
[ $rc -eq 0 ] || fail "scripts/e2e-setup.sh failed (exit $rc)"
NODE24="$(printf '%s\n' "$setup_out" | sed -n 's/^NODE24=//p' | tail -1)"
CODE_SERVER_ENTRY="$(printf '%s\n' "$setup_out" | sed -n 's/^CODE_SERVER_ENTRY=//p' | tail -1)"
[ -n "$NODE24" ] && [ -n "$CODE_SERVER_ENTRY" ] || fail "scripts/e2e-setup.sh did not print NODE24/CODE_SERVER_ENTRY"
export NODE24 CODE_SERVER_ENTRY
echo "e2e: setup $((SECONDS - t0)) s"

t1=$SECONDS
npm run package --silent </dev/null || fail "npm run package failed"
[ -f gsm-log-lens.vsix ] || fail "npm run package wrote no gsm-log-lens.vsix"
echo "e2e: package $((SECONDS - t1)) s"

# The webview pages in headless Chromium (npm test skips them on a machine without Chromium;
# here the setup has installed it, so they must run and pass).
GSMLENS_REQUIRE_CHROMIUM=1 node --test test/webview/ || fail "webview page tests failed"

# run.cjs prints the final "N passed, N failed" line and exits 1 on any failure.
E2E_BEFORE_S=$((SECONDS - t0)) exec node e2e/run.cjs
