#!/usr/bin/env bash
# HTTP tests against a running stack (scripts/test.sh starts it).  Runs every
# tests/http/*.test.mjs with Node's test runner, one file at a time in name
# order (zz-db-restart.test.mjs stops and starts the database: it must be
# last and alone), TAP output; the last line is "http: N passed, M failed";
# exit status non-zero on any failure.
#
# Environment: HROMADA_URL [http://127.0.0.1:${HROMADA_PORT:-8089}],
# HROMADA_ROOT [this checkout], HROMADA_VAR [$HROMADA_ROOT/var/test].
# Arguments, if any, are test files to run instead of all of them.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export HROMADA_ROOT=${HROMADA_ROOT:-$ROOT}
export HROMADA_URL=${HROMADA_URL:-http://127.0.0.1:${HROMADA_PORT:-8089}}
export HROMADA_VAR=${HROMADA_VAR:-$HROMADA_ROOT/var/test}

fail() {
	echo "http: $*"
	echo "http: 0 passed, 1 failed"
	exit 1
}

command -v node >/dev/null 2>&1 || fail "node is not installed (apt-get install nodejs)"
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 18 ] || fail "node $major is too old: 18 or later needed"
# ajv and ajv-formats (the API's answers against its OpenAPI description).
NPM_CI_PREFIX=http "$HERE/../npm-ci.sh" ajv/package.json \
	ajv-formats/package.json || fail "npm ci failed"

# A reused test database (`make test` again) keeps what earlier runs
# subscribed and confirmed, some to every consultation: each run's
# publications would mail them all, a queue that grows run by run until
# this run's own mail comes later than its tests wait.  Every run starts
# with no subscription active and nothing queued.
"$ROOT/scripts/db.sh" sql -e "UPDATE subscriptions SET state = 'unsubscribed'
	WHERE state <> 'unsubscribed';
	UPDATE outbox SET state = 'failed', last_error = 'left by an earlier test run'
	WHERE state = 'queued'" || fail "could not reset the subscriptions"

if [ $# -gt 0 ]; then
	files=("$@")
else
	mapfile -t files < <(LC_ALL=C ls "$HERE"/*.test.mjs)
fi
[ ${#files[@]} -gt 0 ] || fail "no test files"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
rc=0
if node --test-concurrency=1 -e 0 >/dev/null 2>&1; then
	node --test --test-concurrency=1 --test-reporter=tap "${files[@]}" 2>&1 |
		tee "$out"
	rc=${PIPESTATUS[0]}
else
	# Older node: no --test-concurrency; one file per run keeps the order.
	for f in "${files[@]}"; do
		node --test --test-reporter=tap "$f" 2>&1 | tee -a "$out"
		r=${PIPESTATUS[0]}
		[ "$r" -eq 0 ] || rc=$r
	done
fi

# The runner's closing summary ("# pass N", "# fail N", "# cancelled N"),
# summed over runs.
sum() { awk -v k="$1" '$1 == "#" && $2 == k && $3 ~ /^[0-9]+$/ { n += $3 } END { print n + 0 }' "$out"; }
passed=$(sum pass)
failed=$(( $(sum fail) + $(sum cancelled) ))
if ! grep -qE '^# pass [0-9]+' "$out"; then
	failed=$((failed + 1))
	echo "http: no summary from the test runner (exit $rc)"
elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
	failed=1
	echo "http: the test runner exited $rc with no failed test counted"
fi
# Skipped tests count as neither: the line says how many, so none hides.
skipped=$(sum skipped)
[ "$skipped" -gt 0 ] || skipped=
echo "http: $passed passed, $failed failed${skipped:+, $skipped skipped}"
[ "$failed" -eq 0 ]
