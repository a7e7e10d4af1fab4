#!/bin/sh
# Runs every built unit test binary and sums the cmocka results.
#
#   tests/unit/run.sh [dir]	dir defaults to build/tests (build/asan/tests
#				for the sanitizer build)
#
# Prints each binary's cmocka output, then "unit: N passed, M failed" as
# the last line; exits non-zero on any failure.  A binary that crashes or
# exits non-zero without reporting a failed test (a sanitizer report, a
# failing group setup) counts as one failure.

root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-$root/build/tests}
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT INT TERM

passed=0
failed=0
ran=0
for bin in "$dir"/test_*; do
	case $bin in *.d | *.o) continue ;; esac
	[ -f "$bin" ] && [ -x "$bin" ] || continue
	ran=$((ran + 1))
	echo "== ${bin#"$root"/}"
	CMOCKA_MESSAGE_OUTPUT=stdout "$bin" >"$out" 2>&1
	rc=$?
	cat "$out"
	# cmocka writes "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)";
	# the per-test "[  FAILED  ] name" lines carry no count.
	p=$(sed -n 's/.*\[  PASSED  \] \([0-9][0-9]*\) test(s)\..*/\1/p' \
	    "$out" | tail -n 1)
	f=$(sed -n 's/.*\[  FAILED  \] \([0-9][0-9]*\) test(s).*/\1/p' \
	    "$out" | tail -n 1)
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "== ${bin#"$root"/}: exited with status $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done

if [ "$ran" -eq 0 ]; then
	echo "no test binaries in $dir (run make unit-tests)"
	failed=$((failed + 1))
fi
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
