#!/usr/bin/env bash
# Browser and accessibility tests against a running stack (scripts/test.sh
# starts it): Debian's Chromium driven by playwright-core, axe-core injected
# into every page type.  Installs what is missing first:
#   - Debian's chromium (apt-get, when root; otherwise says what to run),
#   - the npm packages pinned in tests/package.json, exactly as
#     tests/package-lock.json records them (npm ci, install scripts off: no
#     browser is ever downloaded), when tests/node_modules is missing or
#     does not match the lock file.
# Runs every tests/browser/*.test.mjs with Node's test runner, one file at a
# time in name order, TAP output; the last line is
# "browser: N passed, M failed"; exit status non-zero on any failure.
# Screenshots go to $HROMADA_ROOT/var/test-artifacts/.
#
# Environment: HROMADA_URL [http://127.0.0.1:${HROMADA_PORT:-8089}],
# HROMADA_ROOT [this checkout], HROMADA_VAR [$HROMADA_ROOT/var/test],
# HROMADA_CHROMIUM [/usr/bin/chromium].
# Arguments, if any, are test files to run instead of all of them.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TESTS=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export HROMADA_ROOT=${HROMADA_ROOT:-$ROOT}
export HROMADA_URL=${HROMADA_URL:-http://127.0.0.1:${HROMADA_PORT:-8089}}
export HROMADA_VAR=${HROMADA_VAR:-$HROMADA_ROOT/var/test}
export HROMADA_CHROMIUM=${HROMADA_CHROMIUM:-/usr/bin/chromium}
export HROMADA_ARTIFACTS=${HROMADA_ARTIFACTS:-$HROMADA_ROOT/var/test-artifacts}
# Never a downloaded browser build (playwright-core has no download step of
# its own; this is for anything that might).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

fail() {
	echo "browser: $*"
	echo "browser: 0 passed, 1 failed"
	exit 1
}

# ---- Node.js ----------------------------------------------------------------
command -v node >/dev/null 2>&1 || fail "node is not installed (apt-get install nodejs npm)"
command -v npm >/dev/null 2>&1 || fail "npm is not installed (apt-get install npm)"
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || fail "node $major is too old: playwright-core needs 20 or later"

# ---- Debian's Chromium -------------------------------------------------------
if [ ! -x "$HROMADA_CHROMIUM" ]; then
	[ "$HROMADA_CHROMIUM" = /usr/bin/chromium ] ||
		fail "HROMADA_CHROMIUM=$HROMADA_CHROMIUM is not an executable"
	if [ "$(id -u)" -ne 0 ]; then
		fail "Chromium is missing; as root run: DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium"
	fi
	echo "browser: installing Debian's chromium"
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; then
		# The package lists may be missing or old.
		apt-get update &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium ||
			fail "apt-get could not install chromium"
	fi
	[ -x /usr/bin/chromium ] || fail "chromium installed but /usr/bin/chromium is missing"
fi

# ---- npm packages (playwright-core, axe-core) -----------------------------------
NPM_CI_PREFIX=browser "$TESTS/npm-ci.sh" playwright-core/package.json \
	axe-core/axe.min.js || fail "npm ci failed in $TESTS"

# ---- the tests -----------------------------------------------------------------
if [ $# -gt 0 ]; then
	files=("$@")
else
	mapfile -t files < <(LC_ALL=C ls "$HERE"/*.test.mjs)
fi
[ ${#files[@]} -gt 0 ] || fail "no test files"

mkdir -p "$HROMADA_ARTIFACTS" || fail "cannot create $HROMADA_ARTIFACTS"
rm -f "$HROMADA_ARTIFACTS"/phone-*.png

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# A file's whole run must end within the timeout: 55-admin-axe (two widths
# of every admin page, each signing in anew) took 80-120 s on a loaded
# two-core machine, so 120 s was too tight.
node --test --test-concurrency=1 --test-timeout=300000 --test-reporter=tap \
	"${files[@]}" 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}

# The runner's closing summary ("# pass N", "# fail N", "# cancelled N").
sum() { awk -v k="$1" '$1 == "#" && $2 == k && $3 ~ /^[0-9]+$/ { n += $3 } END { print n + 0 }' "$out"; }
passed=$(sum pass)
failed=$(( $(sum fail) + $(sum cancelled) ))
if ! grep -qE '^# pass [0-9]+' "$out"; then
	failed=$((failed + 1))
	echo "browser: no summary from the test runner (exit $rc)"
elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
	failed=1
	echo "browser: the test runner exited $rc with no failed test counted"
fi
ls "$HROMADA_ARTIFACTS"/phone-*.png 2>/dev/null | sed 's/^/browser: screenshot /'
# Skipped tests count as neither: the line says how many, so none hides.
skipped=$(sum skipped)
[ "$skipped" -gt 0 ] || skipped=
echo "browser: $passed passed, $failed failed${skipped:+, $skipped skipped}"
[ "$failed" -eq 0 ]
