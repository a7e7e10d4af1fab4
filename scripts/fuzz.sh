#!/usr/bin/env bash
# `make fuzz` (and the fuzz suite of `make test`): builds every libFuzzer
# target of tests/fuzz/ with clang into build/fuzz/, then for each target
# replays its regression cases (tests/fuzz/regress/<target>/*) and fuzzes
# for FUZZ_SECONDS seconds (default 20; 0 = only replay the corpus) on
# var/fuzz/<target>/, a working corpus seeded from tests/fuzz/corpus/<target>/
# that keeps what earlier runs found, so the repository stays clean.
#
#   scripts/fuzz.sh                  every target
#   scripts/fuzz.sh md listing       only these (names with or without fuzz_)
#   FUZZ_SECONDS=600 scripts/fuzz.sh a long run
#
# A crash, a broken invariant, a timeout (> 10 s for one input) or running
# out of memory (> 2048 MB) fails the target; libFuzzer's input is kept in
# var/fuzz/crashes/.  Prints one line per target and last
# "fuzz: N passed, M failed"; exits non-zero when any target failed.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

FUZZ_SECONDS=${FUZZ_SECONDS:-20}
OUT=build/fuzz
WORK=var/fuzz
CRASHES=$WORK/crashes
JOBS=$(nproc 2>/dev/null || echo 2)
PKGS="fcgi libmariadb libctemplate libpcre2-8 libcmark jansson libsodium"

case $FUZZ_SECONDS in
''|*[!0-9]*) echo "fuzz: FUZZ_SECONDS must be a number of seconds"
	echo "fuzz: 0 passed, 1 failed"; exit 1 ;;
esac

# The longest input worth trying, per target (bytes).
max_len() {
	case $1 in
	fuzz_md|fuzz_form|fuzz_listing|fuzz_comment|fuzz_multipart|\
	fuzz_api_comment|fuzz_api_subscription) echo 8192 ;;
	fuzz_cookie) echo 4096 ;;
	fuzz_valid|fuzz_search) echo 2048 ;;
	*) echo 1024 ;;
	esac
}

# The targets: every tests/fuzz/fuzz_*.c, or those named.
TARGETS=()
if [ $# -eq 0 ]; then
	for f in tests/fuzz/fuzz_*.c; do
		TARGETS+=("$(basename "$f" .c)")
	done
else
	for t in "$@"; do
		t=fuzz_${t#fuzz_}
		if [ ! -f "tests/fuzz/$t.c" ]; then
			echo "fuzz: no target tests/fuzz/$t.c"
			echo "fuzz: 0 passed, 1 failed"
			exit 1
		fi
		TARGETS+=("$t")
	done
fi
NT=${#TARGETS[@]}

fail_all() {
	echo "fuzz: $1"
	echo "fuzz: 0 passed, $NT failed"
	exit 1
}

# --- Toolchain: Debian's clang and the compiler-rt that matches it. -------

if ! command -v clang >/dev/null || ! command -v clang++ >/dev/null; then
	if [ "$(id -u)" -eq 0 ]; then
		apt-get install -y --no-install-recommends clang >/dev/null ||
		    fail_all "clang missing and could not be installed"
	else
		fail_all "clang missing (apt-get install clang)"
	fi
fi
CLANG_MAJOR=$(clang --version | sed -nE 's/.*clang version ([0-9]+).*/\1/p' |
    head -1)
FUZZER_RT="$(clang -print-resource-dir)/lib/linux/libclang_rt.fuzzer-$(uname -m).a"
if [ ! -f "$FUZZER_RT" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		echo "fuzz: installing libclang-rt-$CLANG_MAJOR-dev"
		apt-get install -y --no-install-recommends \
		    "libclang-rt-$CLANG_MAJOR-dev" >/dev/null
	fi
	[ -f "$FUZZER_RT" ] ||
	    fail_all "no libFuzzer runtime ($FUZZER_RT): apt-get install libclang-rt-$CLANG_MAJOR-dev"
fi

# --- Build: the library instrumented for coverage, then each target. ------

SAN="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all"
PKG_CFLAGS=$(pkg-config --cflags $PKGS 2>/dev/null) ||
    fail_all "pkg-config cannot find: $PKGS (make deps)"
PKG_LIBS=$(pkg-config --libs $PKGS)
WARN="-Wall -Wextra -Wformat=2 -Wshadow"
CFLAGS_LIB="-std=c11 -D_GNU_SOURCE $WARN $SAN -fsanitize=fuzzer-no-link $PKG_CFLAGS -Ilib"
CXXFLAGS_LIB="-std=c++11 $WARN $SAN -fsanitize=fuzzer-no-link $PKG_CFLAGS -Ilib"
# A target's own comparisons (its reference code) guide nothing worth the
# time they cost; the library's are traced.
CFLAGS_TGT="-std=c11 -D_GNU_SOURCE $WARN $SAN -fsanitize=fuzzer -fno-sanitize-coverage=trace-cmp $PKG_CFLAGS -Ilib -Itests/fuzz"
# CI treats a warning in the targets as an error (the library's warnings
# are the Makefile's business, with the project's compiler).
[ -n "${CI:-}" ] && CFLAGS_TGT="$CFLAGS_TGT -Werror"
LDFLAGS_TGT="$SAN -fsanitize=fuzzer"
LIBS="$PKG_LIBS -lstdc++ -pthread -lm"

mkdir -p "$OUT/obj" "$CRASHES"

# stale OBJ COMMAND: whether OBJ must be rebuilt: missing, built by another
# command, or older than any file its .d lists.
stale() {
	local obj=$1 cmd=$2 dep
	[ -f "$obj" ] && [ -f "$obj.d" ] && [ -f "$obj.cmd" ] || return 0
	[ "$(cat "$obj.cmd")" = "$cmd" ] || return 0
	for dep in $(sed 's/\\$//' "$obj.d" | tr '\n' ' ' | sed 's/^[^:]*://'); do
		[ -e "$dep" ] && [ ! "$dep" -nt "$obj" ] || return 0
	done
	return 1
}

# compile SRC OBJ COMPILER FLAGS: in the background, at most JOBS at once.
BUILD_FAILED=$OUT/obj/.failed
rm -f "$BUILD_FAILED"
compile() {
	local src=$1 obj=$2 cc=$3 flags=$4 cmd
	cmd="$cc $flags -c $src"
	stale "$obj" "$cmd" || return 0
	while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do
		wait -n
	done
	echo "  CC $src"
	(
		if $cc $flags -MMD -MF "$obj.d" -c -o "$obj" "$src" \
		    2>"$obj.log"; then
			echo "$cmd" >"$obj.cmd"
			[ -s "$obj.log" ] && cat "$obj.log"
		else
			cat "$obj.log"
			rm -f "$obj" "$obj.cmd"
			echo "$src" >>"$BUILD_FAILED"
		fi
	) &
}

echo "fuzz: building into $OUT/ (clang $CLANG_MAJOR)"
LIB_OBJS=()
for src in lib/*.c; do
	# The fuzz build's arena: one malloc per allocation (see arena_fuzz.c).
	[ "$src" = lib/arena.c ] && continue
	obj=$OUT/obj/lib_$(basename "$src" .c).o
	compile "$src" "$obj" clang "$CFLAGS_LIB"
	LIB_OBJS+=("$obj")
done
for src in lib/*.cc; do
	[ -e "$src" ] || continue
	obj=$OUT/obj/lib_$(basename "$src" .cc).o
	compile "$src" "$obj" clang++ "$CXXFLAGS_LIB"
	LIB_OBJS+=("$obj")
done
compile tests/fuzz/arena_fuzz.c "$OUT/obj/arena_fuzz.o" clang "$CFLAGS_LIB"
LIB_OBJS+=("$OUT/obj/arena_fuzz.o")
for t in "${TARGETS[@]}"; do
	compile "tests/fuzz/$t.c" "$OUT/obj/$t.o" clang "$CFLAGS_TGT"
done
wait
if [ -f "$BUILD_FAILED" ]; then
	fail_all "build failed: $(tr '\n' ' ' <"$BUILD_FAILED")"
fi

LIBA=$OUT/libhromada-fuzz.a
# Objects of sources since removed from lib/ must not linger in it.
if [ ! -f "$LIBA" ] || [ -n "$(find "${LIB_OBJS[@]}" -newer "$LIBA")" ] ||
   [ "$(cat "$LIBA.list" 2>/dev/null)" != "${LIB_OBJS[*]}" ]; then
	rm -f "$LIBA"
	ar rcs "$LIBA" "${LIB_OBJS[@]}" || fail_all "ar failed"
	echo "${LIB_OBJS[*]}" >"$LIBA.list"
fi
for t in "${TARGETS[@]}"; do
	bin=$OUT/$t
	if [ ! -x "$bin" ] || [ "$OUT/obj/$t.o" -nt "$bin" ] ||
	   [ "$LIBA" -nt "$bin" ]; then
		echo "  LD $bin"
		clang++ $LDFLAGS_TGT -o "$bin" "$OUT/obj/$t.o" "$LIBA" $LIBS ||
		    fail_all "link of $t failed"
	fi
done

# --- Run. ------------------------------------------------------------------

# Our own sanitizer settings: reports go to the log libFuzzer writes, not to
# a log_path a caller (scripts/test.sh) may have set for the programs.
export ASAN_OPTIONS="detect_leaks=1:symbolize=1:abort_on_error=0:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
unset LSAN_OPTIONS
if command -v llvm-symbolizer >/dev/null; then
	export ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer)
fi

# The line of a failure worth showing: the sanitizer's or the invariant's.
why() {
	local line
	line=$(grep -m1 -E 'invariant failed|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SUMMARY:' "$1" |
	    sed -E 's/^==[0-9]+==//')
	[ -n "$line" ] || line=$(grep -v '^[[:space:]]*$' "$1" | tail -1)
	echo "$line"
}

passed=0
failed=0
for t in "${TARGETS[@]}"; do
	bin=$OUT/$t
	corpus=$WORK/$t
	log=$WORK/$t.log
	mkdir -p "$corpus"
	[ -d "tests/fuzz/corpus/$t" ] && cp -n "tests/fuzz/corpus/$t"/* "$corpus"/ 2>/dev/null
	common=(-timeout=10 -rss_limit_mb=2048 "-max_len=$(max_len "$t")")
	[ -f "tests/fuzz/dict/$t.dict" ] && common+=("-dict=tests/fuzz/dict/$t.dict")

	# Regression cases first: each must run clean.
	regress=()
	if [ -d "tests/fuzz/regress/$t" ]; then
		for f in "tests/fuzz/regress/$t"/*; do
			[ -f "$f" ] && regress+=("$f")
		done
	fi
	if [ ${#regress[@]} -gt 0 ] &&
	   ! "$bin" "${common[@]}" "${regress[@]}" >"$WORK/$t.regress.log" 2>&1; then
		echo "$t: FAILED regression case ($(grep -oE "Running: \S+" "$WORK/$t.regress.log" | tail -1 | cut -d' ' -f2)): $(why "$WORK/$t.regress.log")"
		echo "    log: $WORK/$t.regress.log"
		failed=$((failed + 1))
		continue
	fi

	if [ "$FUZZ_SECONDS" -eq 0 ]; then
		run=(-runs=0)
	else
		run=("-max_total_time=$FUZZ_SECONDS")
	fi
	"$bin" "${common[@]}" "${run[@]}" -print_final_stats=1 \
	    "-artifact_prefix=$CRASHES/$t-" "$corpus" >"$log" 2>&1
	rc=$?
	last=$(grep -E '^#[0-9]+' "$log" | tail -1)
	cov=$(echo "$last" | sed -nE 's/.*cov: ([0-9]+).*/\1/p')
	ft=$(echo "$last" | sed -nE 's/.*ft: ([0-9]+).*/\1/p')
	corp=$(echo "$last" | sed -nE 's/.*corp: ([0-9]+).*/\1/p')
	runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log")
	eps=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$log")
	if [ "$rc" -eq 0 ]; then
		printf '%s: ok, %s runs, %s exec/s, cov: %s, ft: %s, corpus: %s, %s regression case(s)\n' \
		    "$t" "${runs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" \
		    "${corp:-?}" "${#regress[@]}"
		passed=$((passed + 1))
	else
		art=$(sed -nE 's/.*Test unit written to (\S+).*/\1/p' "$log" | tail -1)
		echo "$t: FAILED (exit $rc): $(why "$log")"
		echo "    input: ${art:-none saved}; log: $log"
		echo "    reproduce: $bin ${art:-<input>}"
		failed=$((failed + 1))
	fi
done

echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
