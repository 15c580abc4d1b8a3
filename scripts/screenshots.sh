#!/usr/bin/env bash
# `npm run screenshots`: the one command that updates the READMEs' images. It runs the UI part of the e2e suite
# (the packaged extension in code-server; the shots land in the ignored e2e/out/screenshots/) and the timeline page
# test, then copies every shot that README.md or MARKETPLACE.md shows into docs/screenshots/. Review and commit them.
set -uo pipefail
cd "$(dirname "$0")/.."
SHOTS=e2e/out/screenshots
E2E_PHASES="${E2E_PHASES:-2}" bash scripts/e2e.sh || { echo "screenshots: the e2e run failed; docs/screenshots/ left as it was" >&2; exit 1; }
updated=0
for name in $(grep -ohE 'docs/screenshots/[A-Za-z0-9._-]+\.png' README.md MARKETPLACE.md | sort -u | xargs -n1 basename); do
  if [ -f "$SHOTS/$name" ]; then
    cp "$SHOTS/$name" "docs/screenshots/$name"; updated=$((updated + 1)); echo "screenshots: docs/screenshots/$name"
  else
    echo "screenshots: no fresh $name in $SHOTS (which check takes it?); docs/screenshots/$name kept" >&2
  fi
done
echo "screenshots: $updated updated; see git status docs/screenshots"
