#!/usr/bin/env bash
# `make valgrind`: the HTTP suite against a stack in which one program runs
# under valgrind's memcheck; then every valgrind log must show zero errors
# and zero bytes "definitely lost".  The last line is
# "valgrind: N passed, M failed" (N and M count the HTTP tests and one check
# per process valgrind watched); exit status non-zero on any failure.
# Leaves no process running.
#
# Environment, [default]:
#   HROMADA_VALGRIND_PROGRAMS  programs to run under valgrind, in turn: one
#                              round (stack start, suite, stop, logs) each,
#                              one program under valgrind per round
#                              [list detail comment]
#   HROMADA_VALGRIND_VAR       the stack's var directory   [<repo>/var/valgrind]
#   HROMADA_VALGRIND_PORT      nginx's port on 127.0.0.1   [8092]
#   HROMADA_VALGRIND_BIN       the real binaries (not the ASan build:
#                              ASan and valgrind exclude each other)
#                              [<repo>/build/bin]
#   HROMADA_VALGRIND_STOP_MS   bound on the program's graceful stop, leak
#                              checks included                   [180000]
# Arguments, if any, are HTTP test files to run instead of all of them.
#
# How: stack.sh starts programs from $HROMADA_BIN, so this script points it
# at a directory of tiny wrappers named like the programs: the one under
# test execs valgrind on the real binary, the others exec the real binary.
# Workers are forked (no exec): valgrind follows them, and %p in
# --log-file gives each process its own log, $VAR/log/valgrind.<pid>.log;
# after its round they move to $VAR/log/valgrind-<program>/.
# HROMADA_WORKERS=2 keeps it light.  HROMADA_SKIP_FAULTS=1 skips the fault
# tests (tests/http/70-faults.test.mjs) and 95-subscribe's mail worker kill:
# slow here, and a process SIGKILLed on purpose leaves a log without a
# summary.
#
# The program is stopped here, not by stack.sh: stack.sh gives a program 5 s
# after SIGTERM before SIGKILL, and valgrind's leak check at exit can take
# longer; a SIGKILLed process writes no ERROR SUMMARY (counted as a failure).
set -u
ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1

VG_PROGRAMS=${HROMADA_VALGRIND_PROGRAMS:-list detail comment}
VAR=${HROMADA_VALGRIND_VAR:-$ROOT/var/valgrind}
case $VAR in /*) ;; *) VAR=$ROOT/$VAR ;; esac
PORT=${HROMADA_VALGRIND_PORT:-8092}
REAL_BIN=${HROMADA_VALGRIND_BIN:-$ROOT/build/bin}
STOP_MS=${HROMADA_VALGRIND_STOP_MS:-180000}
SUPP=$ROOT/tests/valgrind.supp
# valgrind's exit status when it found errors (seen by the master in the
# log line "worker N died (status ...)" of a worker that had errors).
VG_EXIT=97

export HROMADA_VAR=$VAR
export HROMADA_PORT=$PORT
export HROMADA_URL=http://127.0.0.1:$PORT
export HROMADA_ROOT=$ROOT
export HROMADA_WORKERS=2
export HROMADA_SKIP_FAULTS=1
WRAP=$VAR/valgrind-bin
LOG=$VAR/log
RUN=$VAR/run
# Every program of the stack (stack.sh's list), so that any HTTP test
# file can run here; only those of HROMADA_VALGRIND_PROGRAMS under valgrind.
ALL_PROGRAMS=${HROMADA_PROGRAMS:-list detail comment admin feed subscribe notify api stats agenda opendata}
export HROMADA_PROGRAMS=$ALL_PROGRAMS
# The environment scripts/test.sh gives the suite (see there): addresses
# in X-Forwarded-For, a quick mail worker, one API origin.
export HROMADA_REAL_IP_FROM=127.0.0.1
export HROMADA_NOTIFY_POLL_MS=200 HROMADA_NOTIFY_RETRY_BASE=1
export HROMADA_NOTIFY_LEASE=6 HROMADA_SMTP_TIMEOUT=5
export HROMADA_API_ORIGINS=${HROMADA_API_ORIGINS:-https://app.example.test}

passed=0
failed=0

say() { printf 'valgrind: %s\n' "$*"; }

finish() {
	echo "valgrind: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

give_up() {
	say "$*"
	failed=$((failed + 1))
	finish
}

command -v valgrind >/dev/null 2>&1 ||
	give_up "valgrind is not installed (apt-get install valgrind)"
for p in $ALL_PROGRAMS smtp-sink; do
	[ -x "$REAL_BIN/$p" ] || give_up "no program $REAL_BIN/$p (build first: make)"
done
for p in $VG_PROGRAMS; do
	case " $ALL_PROGRAMS " in
	*" $p "*) ;;
	*) give_up "HROMADA_VALGRIND_PROGRAMS: '$p' is not one of: $ALL_PROGRAMS" ;;
	esac
done
[[ $REAL_BIN =~ ^[A-Za-z0-9/._+@-]+$ && $VAR =~ ^[A-Za-z0-9/._+@-]+$ ]] ||
	give_up "paths with unusual characters: $REAL_BIN, $VAR"

stack() { scripts/stack.sh "$@"; }

# Whatever happens, nothing is left running.
cleanup() {
	stack stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

now_ms() {
	local t=${EPOCHREALTIME//[.,]/}
	echo $((t / 1000))
}

# session_gone SID: no live process left in session SID (a program's master
# leads one; its workers are in it).
session_gone() {
	ps -e -o sid=,stat= |
		awk -v s="$1" '$1 == s && $2 !~ /^Z/ { n++ } END { exit n > 0 }'
}

# wrappers VG_PROGRAM: one script per program in $WRAP.
wrappers() {
	local p f
	rm -rf "$WRAP"
	mkdir -p "$WRAP"
	for p in $ALL_PROGRAMS smtp-sink; do
		f=$WRAP/$p
		{
			echo '#!/bin/sh'
			echo "# Written by scripts/valgrind.sh for one run."
			if [ "$p" = "$1" ]; then
				printf 'exec valgrind --tool=memcheck --trace-children=yes'
				printf ' --leak-check=full --errors-for-leak-kinds=definite'
				printf ' --error-exitcode=%s --num-callers=40' "$VG_EXIT"
				printf ' --gen-suppressions=all'
				[ ! -f "$SUPP" ] || printf " --suppressions='%s'" "$SUPP"
				printf " --log-file='%s/valgrind.%%p.log'" "$LOG"
				printf " '%s/%s' \"\$@\"\n" "$REAL_BIN" "$p"
			else
				printf "exec '%s/%s' \"\$@\"\n" "$REAL_BIN" "$p"
			fi
		} >"$f"
		chmod 755 "$f"
	done
}

# stop_graceful NAME: SIGTERM the master, wait up to STOP_MS for its session
# to end (workers exit, then the master; each writes its leak check).
stop_graceful() {
	local pid deadline
	read -r pid <"$RUN/$1.pid" 2>/dev/null || pid=
	[[ $pid =~ ^[1-9][0-9]*$ ]] || { say "$1: no pid file"; return 1; }
	kill -TERM "$pid" 2>/dev/null || { say "$1: master $pid not running"; return 1; }
	deadline=$(($(now_ms) + STOP_MS))
	until session_gone "$pid"; do
		if [ "$(now_ms)" -ge "$deadline" ]; then
			say "$1: still running $((STOP_MS / 1000)) s after SIGTERM"
			return 1
		fi
		sleep 0.1
	done
	say "$1: stopped (master $pid and its workers exited)"
}

# check_logs NAME: one check per valgrind log of this round (moved to
# $LOG/valgrind-NAME/ first).
check_logs() {
	local f n errs lost cmd pid bad dir=$LOG/valgrind-$1
	mkdir -p "$dir"
	for f in "$LOG"/valgrind.*.log; do
		[ -e "$f" ] && mv -f -- "$f" "$dir/"
	done
	n=0
	for f in "$dir"/valgrind.*.log; do
		[ -e "$f" ] || continue
		n=$((n + 1))
		pid=${f##*/valgrind.}
		pid=${pid%.log}
		cmd=$(sed -n 's/^==[0-9]*== Command: //p' "$f" | head -n 1)
		errs=$(sed -n 's/^==[0-9]*== ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$f" | tail -n 1)
		errs=${errs//,/}
		# No leak summary at all means "All heap blocks were freed".
		lost=$(sed -n 's/^==[0-9]*==  *definitely lost: \([0-9,]*\) bytes.*/\1/p' "$f" | tail -n 1)
		lost=${lost//,/}
		lost=${lost:-0}
		bad=
		if [ -z "$errs" ]; then
			bad="no ERROR SUMMARY: the process did not exit normally (killed?)"
		elif [ "$errs" -ne 0 ] || [ "$lost" -ne 0 ]; then
			bad="$errs errors, $lost bytes definitely lost"
		fi
		if [ -n "$bad" ]; then
			failed=$((failed + 1))
			say "FAILED $1 process $pid ($cmd): $bad; see $f"
			# The first error or leak records, for the log of the run.
			grep -E -A 25 '^==[0-9]+== (Invalid|Conditional|Use of|Syscall|Mismatched|Source and|Argument|[0-9,]+ bytes in [0-9,]+ blocks are definitely)' "$f" |
				head -n 80 | sed 's/^/    | /'
		else
			passed=$((passed + 1))
			say "ok $1 process $pid: 0 errors, 0 bytes definitely lost"
		fi
	done
	if [ "$n" -eq 0 ]; then
		failed=$((failed + 1))
		say "$1: no valgrind log under $LOG: did the program run under valgrind?"
	fi
}

# tally LOG RC: adds the counts of the suite's "http: N passed, M failed".
tally() {
	local line p f
	line=$(grep -E '^http: [0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
	if [ -z "$line" ]; then
		say "HTTP suite: no result line (exit $2)"
		failed=$((failed + 1))
		return
	fi
	p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.*, ([0-9]+) failed.*/\1/')
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		say "HTTP suite: exit $2 with no failed test counted"
		failed=$((failed + 1))
	fi
}

mkdir -p "$LOG" "$RUN"
stack stop >/dev/null 2>&1 || true
# Logs of an earlier run would be counted again.
rm -rf -- "$LOG"/valgrind.*.log "$LOG"/valgrind-*/
for prog in $VG_PROGRAMS; do
	echo "== valgrind: $prog under valgrind (HTTP suite on $HROMADA_URL, $VAR)"
	wrappers "$prog"
	if ! HROMADA_BIN=$WRAP stack start; then
		say "$prog: the stack did not start under valgrind"
		failed=$((failed + 1))
		stack stop >/dev/null 2>&1
		continue
	fi
	suite_log=$LOG/suite-valgrind-$prog.log
	tests/http/run.sh "$@" 2>&1 | tee "$suite_log"
	tally "$suite_log" "${PIPESTATUS[0]}"
	stop_graceful "$prog" || failed=$((failed + 1))
	stack stop >/dev/null 2>&1 || { say "stack.sh stop failed"; failed=$((failed + 1)); }
	check_logs "$prog"
done
trap - EXIT
cleanup
finish
