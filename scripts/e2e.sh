#!/usr/bin/env bash
# `npm run e2e`: GSM Log Lens in real VS Code (code-server + headless Chromium), see e2e/run.cjs.
# 1. scripts/e2e-setup.sh installs/caches Chromium, Node 24 and code-server (cold ~2-3 min, warm <1 s);
# 2. npm run package builds out/ and writes gsm-log-lens.vsix;
# 3. node e2e/run.cjs: extension-host tests (development mode) + UI smoke test of the VSIX;
# 4. the run must not change tracked files under docs/ (screenshots go to the ignored e2e/out/;
#    `npm run screenshots` is the one command that updates docs/screenshots/).
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

# What docs/ holds now (tracked changes and untracked screenshots, by content), to compare after the run: other
# work in the tree may have changed docs/ before, so the check is that the run changed nothing, which on a clean
# checkout (CI) is `git status --porcelain docs` being empty.
docs_state() {
  git status --porcelain --untracked-files=no -- docs
  git diff --no-ext-diff --binary -- docs | sha1sum
  git ls-files --others --exclude-standard -- docs/screenshots | sort | xargs -r sha1sum
}
docs_before="$(docs_state)"

t1=$SECONDS
npm run package --silent </dev/null || fail "npm run package failed"
[ -f gsm-log-lens.vsix ] || fail "npm run package wrote no gsm-log-lens.vsix"
echo "e2e: package $((SECONDS - t1)) s"

# The webview pages in headless Chromium (npm test skips them on a machine without Chromium;
# here the setup has installed it, so they must run and pass).
GSMLENS_REQUIRE_CHROMIUM=1 node --test test/webview/ || fail "webview page tests failed"

# run.cjs prints the final "N passed, N failed" line and exits 1 on any failure.
run_log="$(mktemp)"
E2E_BEFORE_S=$((SECONDS - t0)) node e2e/run.cjs | tee "$run_log"
rc=${PIPESTATUS[0]}
summary="$(tail -1 "$run_log")"; rm -f "$run_log"
if [ "$(docs_state)" != "$docs_before" ]; then
  echo "e2e: FAIL the run changed files under docs/ (tests must write to e2e/out/; see npm run screenshots):"
  git status --porcelain -- docs
  p=$(printf '%s\n' "$summary" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p'); f=$(printf '%s\n' "$summary" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  echo "${p:-0} passed, $(( ${f:-0} + 1 )) failed"
  exit 1
fi
echo "e2e: the run left docs/ as it found it" >&2
exit $rc
