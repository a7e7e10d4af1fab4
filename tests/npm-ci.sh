#!/usr/bin/env bash
# npm-ci.sh: installs the npm packages pinned in tests/package.json exactly
# as tests/package-lock.json records them (npm ci, install scripts off: no
# browser is ever downloaded), when tests/node_modules is missing, lacks one
# of the files named as arguments (paths under node_modules/), or was not
# made from this lock file.  Shared by tests/browser/run.sh and
# tests/http/run.sh.  Prints what it does with the prefix $NPM_CI_PREFIX
# [npm]; exit status non-zero when npm ci fails.
set -u
TESTS=$(cd "$(dirname "$0")" && pwd)
PREFIX=${NPM_CI_PREFIX:-npm}
LOCK=$TESTS/package-lock.json
STAMP=$TESTS/node_modules/.hromada-lock.sha256
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

command -v npm >/dev/null 2>&1 || { echo "$PREFIX: npm is not installed (apt-get install npm)"; exit 1; }
[ -f "$LOCK" ] || { echo "$PREFIX: $LOCK is missing"; exit 1; }
want=$(sha256sum "$LOCK" | cut -d' ' -f1)
have=$(cat "$STAMP" 2>/dev/null || true)
stale=0
[ "$want" = "$have" ] || stale=1
for f in "$@"; do
	[ -f "$TESTS/node_modules/$f" ] || stale=1
done
[ "$stale" -eq 1 ] || exit 0
echo "$PREFIX: npm ci in $TESTS (node_modules missing or not from this lock file)"
(cd "$TESTS" && npm ci --ignore-scripts --no-audit --no-fund) || {
	echo "$PREFIX: npm ci failed in $TESTS"; exit 1; }
echo "$want" > "$STAMP"
