#!/usr/bin/env bash
# bench.sh: `make bench`.  Measures the read path against its two bounds, in
# one run, on a stack of its own (DESIGN.md section 7, issue 3):
#
#   static    nginx serving a saved copy of the page as a file (same bytes)
#   floor     our FastCGI program bench/floor.c returning the same bytes
#             from memory through the same runner and nginx
#   uncached  the real page, nginx's micro-cache off
#   cached    the real page, micro-cache on (anonymous GETs, 1 s)
#
# for each page: /consultations?theme=ecology, the JSON API's listing with
# that filter (/api/v1/consultations?theme=ecology), the HTML listing with
# district=podilskyi, status=open and q=парк too, a detail page with 200
# published comments and one with 5,000, and /stats (this year).  Each is
# measured with
# `wrk -t1 -c32 -d10s --latency` after a short warm-up.  Prints a table
# (req/s, p50, p99, real/static, real/floor, and the peak resident memory
# of each program's workers) and saves it, dated, as $HROMADA_VAR/latest.txt.
# No figure is judged here: the benchmark reports.
#
# The stack: $HROMADA_VAR [<repo>/var/bench] on 127.0.0.1:$HROMADA_PORT
# [8090], started and stopped by scripts/stack.sh, with the demo data at
# 10,000 consultations and 500,000 comments.  The database under it is kept
# between runs (loading takes a while); it is loaded again only when the
# demo generator, the reference data or a migration changed (a stamp in
# $HROMADA_VAR/demo.stamp).  The benchmark-only nginx locations go into
# $HROMADA_VAR/nginx/site.d/bench.conf (site.conf includes that directory):
#   /bench-static/NAME   the saved page NAME as a file (gzip off)
#   /floor/NAME          the floor program on $HROMADA_VAR/run/floor.sock
# The micro-cache is switched by regenerating nginx's configuration
# (HROMADA_MICROCACHE=off, then on, `stack.sh restart nginx`): the same
# programs and database serve both halves.  Everything is stopped at the
# end, whatever happens.
#
# Environment [default]: HROMADA_BENCH_VAR [<repo>/var/bench],
# HROMADA_BENCH_PORT [8090], HROMADA_BENCH_DURATION [10s],
# HROMADA_BENCH_WARMUP [2s], HROMADA_BENCH_CONNECTIONS [32],
# HROMADA_BENCH_CONSULTATIONS [10000], HROMADA_BENCH_COMMENTS [500000].
set -euo pipefail

ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

VAR=${HROMADA_BENCH_VAR:-$ROOT/var/bench}
case $VAR in /*) ;; *) VAR=$ROOT/$VAR ;; esac
export HROMADA_VAR=$VAR
export HROMADA_PORT=${HROMADA_BENCH_PORT:-8090}
export HROMADA_BIN=$ROOT/build/bin
export HROMADA_PROGRAMS="list detail comment api stats"
# The comment POST row measures the program, not the per-address limits.
export HROMADA_RATE_LIMIT=off
export HROMADA_DEMO_CONSULTATIONS=${HROMADA_BENCH_CONSULTATIONS:-10000}
export HROMADA_DEMO_COMMENTS=${HROMADA_BENCH_COMMENTS:-500000}
unset HROMADA_WORKERS HROMADA_MICROCACHE_DIR
PAGES=$VAR/pages
export HROMADA_BENCH_PAGES=$PAGES
DURATION=${HROMADA_BENCH_DURATION:-10s}
WARMUP=${HROMADA_BENCH_WARMUP:-2s}
CONNS=${HROMADA_BENCH_CONNECTIONS:-32}
BASE=http://127.0.0.1:$HROMADA_PORT
OUT=$VAR/latest.txt
STACK=$ROOT/scripts/stack.sh
DB=$ROOT/scripts/db.sh

say() { printf 'bench: %s\n' "$*" >&2; }
die() {
	say "$*"
	exit 1
}

# ---- tools and programs ----------------------------------------------------

if ! command -v wrk >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
		say "installing Debian's wrk"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >&2 ||
			die "apt-get install wrk failed"
	else
		die "wrk is not installed: apt-get install wrk (as root)"
	fi
fi
command -v curl >/dev/null 2>&1 || die "curl is not installed"

say "building"
make --no-print-directory all >&2
# The floor program: by the Makefile's rule when it has one (asked with
# floor.c taken as new: a rule would compile it), otherwise by hand with the
# Makefile's own flags.
# shellcheck disable=SC2016 # $($*) is make's, not the shell's
mk() {
	make -s --no-print-directory \
	    --eval='bench-print-%: ; @printf "%s\n" "$($*)"' "bench-print-$1"
}
rule=$(make -n -W bench/floor.c --no-print-directory build/bin/floor 2>/dev/null) || true
if grep -q 'bench/floor\.c' <<<"$rule"; then
	make --no-print-directory build/bin/floor >&2
else
	obj=$ROOT/build/obj/bench/floor.o
	liba=$ROOT/$(mk LIBA)
	if [ ! -x "$HROMADA_BIN/floor" ] || [ bench/floor.c -nt "$HROMADA_BIN/floor" ] ||
	    [ "$liba" -nt "$HROMADA_BIN/floor" ] || [ lib/runner.h -nt "$HROMADA_BIN/floor" ]; then
		mkdir -p "$(dirname "$obj")"
		read -ra cc <<<"$(mk CC)"
		read -ra cflags <<<"$(mk ALL_CFLAGS)"
		read -ra ldlibs <<<"$(mk LDLIBS)"
		say "no Makefile rule for the floor program: building it by hand"
		(set -x
		 "${cc[@]}" "${cflags[@]}" -c -o "$obj" bench/floor.c
		 "${cc[@]}" -o "$HROMADA_BIN/floor" "$obj" "$liba" "${ldlibs[@]}") >&2
	fi
fi

# ---- the stack ---------------------------------------------------------------

stack() { "$STACK" "$@" >&2; }

# left_running: lists (on stderr) any process of this stack still alive:
# the database and nginx name $VAR on their command line, the programs have
# their socket under $VAR/run in their environment.
left_running() {
	local p found=1
	for p in /proc/[0-9]*; do
		[ "${p#/proc/}" != $$ ] || continue
		if { tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null | grep -qF -- "$VAR/" ||
		    { tr '\0' '\n' <"$p/environ"; } 2>/dev/null |
		    grep -qF "HROMADA_SOCKET=$VAR/run/"; then
			ps -o pid=,args= -p "${p#/proc/}" >&2 || true
			found=0
		fi
	done
	return "$found"
}

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	say "stopping the benchmark's stack"
	"$STACK" stop >/dev/null 2>&1 || "$STACK" stop >&2 || true
	if left_running; then
		say "processes of $VAR are still running (see above)"
		[ "$rc" -ne 0 ] || rc=1
	fi
	# The logs of a run hold a line per request, millions: keep their end.
	local log
	for log in nginx-access list detail comment api stats floor; do
		log=$VAR/log/$log.log
		[ -f "$log" ] || continue
		tail -n 1000 -- "$log" >"$log.tmp" && mv -f -- "$log.tmp" "$log"
	done
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$VAR/log" "$VAR/nginx/site.d" "$PAGES"
# A stack left by an interrupted run, and the logs of the last one.
"$STACK" stop >/dev/null 2>&1 || true
for f in "$VAR"/log/*.log; do
	[ ! -f "$f" ] || : >"$f"
done

# The database first, so that a changed generator reloads it before any
# program reads it.
stamp=$(cat sql/demo.sql sql/reference.sql sql/migrations/*.sql |
	sha256sum | cut -c1-16)
stamp="$stamp $HROMADA_DEMO_CONSULTATIONS $HROMADA_DEMO_COMMENTS"
say "database: $HROMADA_DEMO_CONSULTATIONS consultations, $HROMADA_DEMO_COMMENTS comments (loaded once, then kept)"
setup_log=$VAR/log/bench-db-setup.log
"$DB" setup "$HROMADA_DEMO_CONSULTATIONS" "$HROMADA_DEMO_COMMENTS" 2>&1 |
	tee "$setup_log" >&2
if ! grep -q 'loading demo data' "$setup_log" &&
    [ "$(cat "$VAR/demo.stamp" 2>/dev/null || true)" != "$stamp" ]; then
	say "the demo generator or schema changed since the data was loaded: loading it again"
	"$DB" demo "$HROMADA_DEMO_CONSULTATIONS" "$HROMADA_DEMO_COMMENTS" >&2
fi
echo "$stamp" >"$VAR/demo.stamp"

# Benchmark-only locations, inside the site's server block.
cat >"$VAR/nginx/site.d/bench.conf" <<EOF
# Written by scripts/bench.sh for the benchmark's stack only.
# The saved pages as static files (the same bytes the programs sent).  No
# gzip: every variant sends the same bytes.  No add_header here: the
# server's security headers apply as everywhere.
location ^~ /bench-static/ {
	alias $PAGES/;
	gzip off;
	charset utf-8;
}
# The floor program (bench/floor.c), the same bytes from memory.
location ^~ /floor/ {
	fastcgi_pass unix:$VAR/run/floor.sock;
}
EOF

say "starting the stack on $BASE (micro-cache off)"
HROMADA_MICROCACHE=off stack start

sql1() { "$DB" sql -N -B -e "$1"; }

# A consultation with exactly NAME's slug, or the public one whose published
# comment count is closest to N: "id slug count".
pick_detail() {
	local slug=$1 n=$2 row
	row=$(sql1 "SELECT c.id, c.slug, (SELECT COUNT(*) FROM comments m
		WHERE m.consultation_id = c.id AND m.status = 'published')
		FROM consultations c WHERE c.slug = '$slug' AND c.status <> 'draft' LIMIT 1")
	if [ -z "$row" ]; then
		say "no consultation '$slug': taking the one with the closest to $n published comments"
		row=$(sql1 "SELECT c.id, c.slug, x.n FROM consultations c JOIN
			(SELECT consultation_id, COUNT(*) AS n FROM comments
			 WHERE status = 'published' GROUP BY consultation_id) x
			ON x.consultation_id = c.id WHERE c.status <> 'draft'
			ORDER BY ABS(x.n - $n), c.id LIMIT 1")
	fi
	[ -n "$row" ] || die "no consultation with comments in the database"
	printf '%s\n' "$row" | tr '\t' ' '
}

# urlencode STRING: every byte but unreserved ones as %XX.
urlencode() {
	local LC_ALL=C s=$1 out='' c i
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		case $c in
		[A-Za-z0-9._~-]) out+=$c ;;
		*) out+=$(printf '%%%02X' "'$c") ;;
		esac
	done
	printf '%s' "$out"
}

read -r d200_id d200_slug d200_n <<<"$(pick_detail bench-200-comments 200)"
read -r d5k_id d5k_slug d5k_n <<<"$(pick_detail bench-5000-comments 5000)"

# name|label|path
PAGE_LIST=(
	"listing-ecology|/consultations?theme=ecology|/consultations?theme=ecology"
	"listing-json|/api/v1/consultations?theme=ecology|/api/v1/consultations?theme=ecology"
	"listing-filtered|/consultations?theme=ecology&district=podilskyi&status=open&q=парк|/consultations?theme=ecology&district=podilskyi&status=open&q=$(urlencode 'парк')"
	"detail-200|detail, $d200_n comments (/consultations/$d200_id)|/consultations/$d200_id-$d200_slug"
	"detail-5000|detail, $d5k_n comments (/consultations/$d5k_id)|/consultations/$d5k_id-$d5k_slug"
	# Efficiency indicators of this year, city and every unit (issue 8).
	"stats|/stats (this year, every unit)|/stats"
)

# Save each real page's bytes (micro-cache off: the program's answer).
rm -f -- "$PAGES"/*
declare -A SIZE
for entry in "${PAGE_LIST[@]}"; do
	IFS='|' read -r name label path <<<"$entry"
	res=$(curl -s --noproxy '*' -o "$PAGES/$name.html" -w '%{http_code} %{content_type}' \
		--max-time 30 "$BASE$path") || die "$label: no answer"
	case $res in
	"200 text/html; charset=utf-8") ;;
	"200 application/json") [[ $name == *-json ]] || die "$label: JSON, not HTML" ;;
	*) die "$label: $BASE$path answered '$res', not a 200 HTML page" ;;
	esac
	SIZE[$name]=$(stat -c %s "$PAGES/$name.html")
	say "saved $name.html (${SIZE[$name]} bytes) from $path"
done

say "starting the floor program"
stack restart floor
for entry in "${PAGE_LIST[@]}"; do
	IFS='|' read -r name _ _ <<<"$entry"
	for u in "/bench-static/$name.html" "/floor/$name.html"; do
		curl -s --noproxy '*' --max-time 10 "$BASE$u" | cmp -s - "$PAGES/$name.html" ||
			die "$BASE$u does not answer the saved bytes of $name.html"
	done
done

# ---- measuring -------------------------------------------------------------

# to_ms VALUE: wrk's "1.23ms", "456.00us", "1.02s" as milliseconds.
to_ms() {
	awk -v v="$1" 'BEGIN {
		if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
		else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.0f", v * 60000 }
		else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
		else printf "?" }'
}

declare -A RPS P50 P99 ERRS
# measure KEY PATH: a warm-up, then the measured wrk run; fills the arrays.
measure() {
	local key=$1 url=$BASE$2 out non2xx sockerr
	wrk -t1 -c"$CONNS" -d"$WARMUP" "$url" >/dev/null 2>&1 || true
	out=$(wrk -t1 -c"$CONNS" -d"$DURATION" --latency "$url" 2>&1) ||
		die "wrk failed on $url: $out"
	printf '%s\n' "$out" >>"$VAR/log/bench-wrk.log"
	RPS[$key]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
	P50[$key]=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
	P99[$key]=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
	non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
	sockerr=$(awk '/Socket errors:/ { sub(/.*Socket errors: /, ""); print }' <<<"$out")
	ERRS[$key]="${non2xx:+non-2xx $non2xx}${sockerr:+ socket: $sockerr}"
	say "$(printf '%-18s %-9s %8s req/s  p50 %6s ms  p99 %6s ms %s' "${key%|*}" "${key#*|}" \
		"${RPS[$key]}" "${P50[$key]}" "${P99[$key]}" "${ERRS[$key]}")"
}

: >"$VAR/log/bench-wrk.log"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date '+%Y-%m-%d %H:%M:%S %Z')
say "measuring: wrk -t1 -c$CONNS -d$DURATION --latency (warm-up $WARMUP each); load $load_before"

for entry in "${PAGE_LIST[@]}"; do
	IFS='|' read -r name _ path <<<"$entry"
	measure "$name|static" "/bench-static/$name.html"
	measure "$name|floor" "/floor/$name.html"
	measure "$name|uncached" "$path"
done

# The comment POST: new submissions at $CONNS connections, each committed
# before its 303; the rows stored in the measured run are counted against
# the responses wrk saw.
post_id=$(sql1 "SELECT id FROM consultations WHERE status = 'announced'
	AND moderation = 'post' AND opens_at <= UTC_TIMESTAMP()
	AND closes_at > UTC_TIMESTAMP() AND closed_at IS NULL ORDER BY id LIMIT 1")
[ -n "$post_id" ] || die "no open post-moderated consultation for the POST row"
post_path=/consultations/$post_id/comments
BENCH_TOKEN=$(curl -s --noproxy '*' --max-time 10 "$BASE$post_path" |
	sed -n 's/.*name="token" value="\([A-Za-z0-9_-]*\)".*/\1/p' | head -1)
[ -n "$BENCH_TOKEN" ] || die "no form token on $BASE$post_path"
export BENCH_TOKEN BENCH_PATH=$post_path
post_rows() { sql1 "SELECT COUNT(*) FROM comments WHERE consultation_id = $post_id"; }
BENCH_RUN=warm-$$ wrk -t1 -c"$CONNS" -d"$WARMUP" -s bench/comment-post.lua \
	"$BASE$post_path" >/dev/null 2>&1 || true
rows_before=$(post_rows)
out=$(BENCH_RUN=run-$$ wrk -t1 -c"$CONNS" -d"$DURATION" --latency \
	-s bench/comment-post.lua "$BASE$post_path" 2>&1) ||
	die "wrk failed on the comment POST: $out"
printf '%s\n' "$out" >>"$VAR/log/bench-wrk.log"
post_rows_added=$(( $(post_rows) - rows_before ))
post_requests=$(awk '/requests in/ { print $1 }' <<<"$out")
key="comment-post|uncached"
RPS[$key]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
P50[$key]=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
P99[$key]=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
ERRS[$key]="${non2xx:+non-2xx $non2xx}"
say "comment POST: ${RPS[$key]} req/s, p50 ${P50[$key]} ms, p99 ${P99[$key]} ms; $post_requests responses, $post_rows_added rows"

# Matching one event to 100,000 subscriptions (issue 6): the worker's own
# statements, run by build/bin/bench-match (scripts/bench-match.sh).
say "matching events to 100,000 subscriptions"
match_line=$("$ROOT/scripts/bench-match.sh") || match_line="match: failed (see above)"
say "$match_line"

# cache_state PATH WANT: the page's X-Cache-Status is present (on) or absent
# (off): nginx's old workers are gone after the reload.
cache_state() {
	local h
	h=$(curl -s --noproxy '*' -o /dev/null -D - --max-time 10 "$BASE$1" |
		tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache-status" { print $2 }')
	if [ "$2" = on ]; then [ -n "$h" ]; else [ -z "$h" ]; fi
}
say "switching the micro-cache on"
HROMADA_MICROCACHE=on stack restart nginx
path=${PAGE_LIST[0]##*|}
for i in $(seq 100); do
	cache_state "$path" on && break
	[ "$i" -lt 100 ] || die "the micro-cache did not come on after nginx's reload"
	sleep 0.1
done
for entry in "${PAGE_LIST[@]}"; do
	IFS='|' read -r name _ path <<<"$entry"
	measure "$name|cached" "$path"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Peak resident memory (VmHWM) of each program's workers, in MB.
rss_report() {
	local name pid w hwm list max
	for name in list detail comment api stats floor; do
		pid=$(cat "$VAR/run/$name.pid" 2>/dev/null || true)
		if [ -z "$pid" ] || [ ! -d "/proc/$pid" ]; then
			printf '  %-7s not running\n' "$name"
			continue
		fi
		list='' max=0
		for w in $(ps -o pid= --ppid "$pid"); do
			hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$w/status" 2>/dev/null || true)
			[ -n "$hwm" ] || continue
			list+=" $(awk -v k="$hwm" 'BEGIN { printf "%.1f", k / 1024 }')"
			[ "$hwm" -le "$max" ] || max=$hwm
		done
		printf '  %-7s %d workers, peak %.1f MB (each:%s MB)\n' "$name" \
			"$(wc -w <<<"$list")" "$(awk -v k="$max" 'BEGIN { print k / 1024 }')" "$list"
	done
}

# ---- the report --------------------------------------------------------------

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'
}

report() {
	local entry name label path v key
	echo "Hromada benchmark, $started"
	echo "machine: $(nproc) cores, $(uname -sr); load average before $load_before, after $load_after"
	# The run itself keeps both cores busy: only the load before it tells.
	if awk -v a="${load_before%% *}" -v n="$(nproc)" 'BEGIN { exit !(a > n / 2) }'; then
		echo "warning: the machine was busy before the run (load above): the figures"
		echo "are lower and noisier than on an idle machine"
	fi
	echo "data: $HROMADA_DEMO_CONSULTATIONS consultations, $HROMADA_DEMO_COMMENTS comments; $BASE, $HROMADA_VAR"
	echo "wrk -t1 -c$CONNS -d$DURATION --latency, each after a $WARMUP warm-up; one run, same machine"
	echo "static: nginx, the saved page as a file; floor: bench/floor.c, the same bytes from memory"
	echo "uncached: the real page, micro-cache off; cached: micro-cache on (1 s, anonymous GET)"
	echo
	printf '%-9s %9s %8s %8s %8s %8s  %s\n' variant 'req/s' 'p50 ms' 'p99 ms' real/stat real/floor notes
	for entry in "${PAGE_LIST[@]}"; do
		IFS='|' read -r name label path <<<"$entry"
		echo
		echo "$label  [${SIZE[$name]} bytes]"
		for v in static floor uncached cached; do
			key="$name|$v"
			if [ "$v" = static ] || [ "$v" = floor ]; then
				printf '%-9s %9s %8s %8s %8s %8s  %s\n' "$v" "${RPS[$key]}" \
					"${P50[$key]}" "${P99[$key]}" '' '' "${ERRS[$key]}"
			else
				printf '%-9s %9s %8s %8s %8s %8s  %s\n' "$v" "${RPS[$key]}" \
					"${P50[$key]}" "${P99[$key]}" \
					"$(ratio "${RPS[$key]}" "${RPS[$name|static]}")" \
					"$(ratio "${RPS[$key]}" "${RPS[$name|floor]}")" "${ERRS[$key]}"
			fi
		done
	done
	echo
	echo "comment POST $post_path (new submissions, limits off)"
	key="comment-post|uncached"
	printf '%-9s %9s %8s %8s %8s %8s  %s\n' post "${RPS[$key]}" "${P50[$key]}" \
		"${P99[$key]}" '' '' "$post_requests responses, $post_rows_added rows stored ${ERRS[$key]}"
	echo
	echo "e-mail: one event matched to 100,000 subscriptions, outbox rows queued (time per event)"
	echo "$match_line"
	echo
	echo "peak resident memory (VmHWM) of each program's workers after the run:"
	rss_report
}

report | tee "$OUT.tmp"
mv -f -- "$OUT.tmp" "$OUT"
say "saved $OUT (wrk's full output: $VAR/log/bench-wrk.log)"
