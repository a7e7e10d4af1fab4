#!/usr/bin/env bash
# `make test`: builds the normal and the sanitized (ASan/UBSan) variants,
# starts the whole stack from the sanitized build on its own port and var
# directory, runs every suite, and prints one closing line
# "N passed, M failed".  Exits non-zero on any failure; leaves no process.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

export HROMADA_VAR=${HROMADA_TEST_VAR:-$ROOT/var/test}
export HROMADA_PORT=${HROMADA_TEST_PORT:-8089}
export HROMADA_URL="http://127.0.0.1:$HROMADA_PORT"
export HROMADA_ROOT=$ROOT
export HROMADA_BIN=$ROOT/build/asan/bin
# Tests stand for many residents: each names its own address in
# X-Forwarded-For, trusted from 127.0.0.1 only (as from the city's proxy).
export HROMADA_REAL_IP_FROM=127.0.0.1
# The mail worker, quick enough for tests: poll 5 times a second, retry
# after 1, 2, 4 ... s, a lease of 6 s (the kill test waits for it).  The
# SMTP sink (stack.sh) listens on a port that follows HROMADA_PORT.
export HROMADA_NOTIFY_POLL_MS=200 HROMADA_NOTIFY_RETRY_BASE=1
export HROMADA_NOTIFY_LEASE=6 HROMADA_SMTP_TIMEOUT=5
# One origin that may write to the API from a browser (CORS tests).
export HROMADA_API_ORIGINS=${HROMADA_API_ORIGINS:-https://app.example.test}
SANLOG=$HROMADA_VAR/log/sanitizer
export ASAN_OPTIONS="log_path=$SANLOG:detect_leaks=0:abort_on_error=0"
export UBSAN_OPTIONS="log_path=$SANLOG:print_stacktrace=1:halt_on_error=1"

passed=0
failed=0

# Adds the counts of a suite from its last "name: N passed, M failed" line;
# a suite that printed no such line counts as one failure.
tally() {
	local name=$1 log=$2 rc=$3 line p f
	line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
	if [ -z "$line" ]; then
		echo "$name: no result line (exit $rc)"
		failed=$((failed + 1))
		return
	fi
	p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.*, ([0-9]+) failed.*/\1/')
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$name: exit $rc with no failed test counted"
		failed=$((failed + 1))
	fi
}

# suite NAME COMMAND...: runs a suite, shows its output, tallies it.
suite() {
	local name=$1 log rc
	shift
	log=$HROMADA_VAR/log/suite-$name.log
	echo "== $name"
	"$@" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	tally "$name" "$log" "$rc"
}

# check NAME COMMAND...: a single check judged by its exit status.
check() {
	local name=$1
	shift
	echo "== $name"
	if "$@"; then
		passed=$((passed + 1))
	else
		echo "$name: FAILED"
		failed=$((failed + 1))
	fi
}

echo "== build"
if ! make -j2 --no-print-directory all unit-tests ||
   ! make -j2 --no-print-directory SAN=1 all unit-tests; then
	echo "0 passed, 1 failed"
	exit 1
fi

rm -rf "$HROMADA_VAR/log"
mkdir -p "$HROMADA_VAR/log"
trap 'scripts/stack.sh stop >/dev/null 2>&1' EXIT
scripts/stack.sh stop >/dev/null 2>&1

suite unit tests/unit/run.sh build/asan/tests
check reference tests/sql/check-reference.sh
if scripts/stack.sh start; then
	suite http tests/http/run.sh
	suite browser tests/browser/run.sh
else
	echo "stack: did not start"
	failed=$((failed + 1))
fi
scripts/stack.sh stop

# Load: many clients submitting at once, with the per-address limits lifted
# by configuration (HROMADA_RATE_LIMIT=off), on a restarted stack.
if HROMADA_RATE_LIMIT=off scripts/stack.sh start; then
	suite load tests/http/run.sh tests/load/*.test.mjs
else
	echo "stack (limits off): did not start"
	failed=$((failed + 1))
fi
scripts/stack.sh stop
trap - EXIT

# libFuzzer targets, 20 s each (FUZZ_SECONDS), after the stack is down so
# they have both cores.
suite fuzz scripts/fuzz.sh

# Any sanitizer report from a program is a failure of the run.
if ls "$SANLOG".* >/dev/null 2>&1; then
	echo "== sanitizer reports"
	cat "$SANLOG".*
	failed=$((failed + 1))
else
	echo "sanitizers: no reports"
	passed=$((passed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
