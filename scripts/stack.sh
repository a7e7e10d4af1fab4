#!/usr/bin/env bash
# stack.sh: start, stop and watch Hromada's private stack on this machine:
# MariaDB (through scripts/db.sh), the FastCGI programs and nginx on
# 127.0.0.1, everything under $HROMADA_VAR, no system service touched.
# `make run` and `make test` call it.
#
# usage: stack.sh start            database, programs, nginx; print the URL
#        stack.sh stop             all of it; never fails if nothing runs
#        stack.sh run              start, then wait; Ctrl-C stops everything
#        stack.sh restart NAME     one program, or "nginx" (new config)
#        stack.sh status           what runs; exit 3 if anything does not
#        stack.sh site             print the generated site.conf (production)
#
# Environment, [default]:
#   HROMADA_VAR          state: run/ log/ nginx/ db/          [<repo>/var]
#   HROMADA_PORT         nginx's port on 127.0.0.1            [8080]
#   HROMADA_BIN          the programs' binaries               [<repo>/build/bin]
#   HROMADA_PROGRAMS     programs behind nginx                [list detail comment admin feed subscribe api stats agenda opendata]
#                        and the mail worker notify (no nginx route)
#   HROMADA_SMTP_URL     the mail relay of notify             [the local sink]
#                        unset: smtp-sink is started on 127.0.0.1
#                        HROMADA_SMTP_SINK_PORT [PORT + 17445], keeping
#                        each message in $HROMADA_VAR/mail/
#   HROMADA_BASE_URL     links in e-mail                      [http://127.0.0.1:PORT]
#   HROMADA_WORKERS      workers per program                  [the program's: 2 x cores]
#   HROMADA_DEMO_CONSULTATIONS, HROMADA_DEMO_COMMENTS
#                        demo data loaded into an empty db    [2000, 60000]
#   HROMADA_DB_SOCKET    [$HROMADA_VAR/run/mysqld.sock]
#   HROMADA_DB_NAME, HROMADA_DB_USER, HROMADA_DB_PASSWORD
#                        [hromada, hromada_web, hromada-local]
#   HROMADA_TEMPLATES    [<repo>/templates]
#   HROMADA_DB_SCRIPT    [<repo>/scripts/db.sh]
#   HROMADA_NGINX        the nginx binary                     [nginx]
#   HROMADA_MICROCACHE   nginx's 1 s cache of anonymous GETs  [on]
#                        of public pages, on or off; read when the config
#                        is generated (start, restart nginx)
#   HROMADA_MICROCACHE_DIR  its files        [$HROMADA_VAR/nginx/cache/micro]
#   HROMADA_RATE_LIMIT   per-address limits on submissions    [on]
#                        (nginx limit_req and the programs' own); off only
#                        for load tests and the benchmark
#   HROMADA_REAL_IP_FROM the proxy in front of nginx whose    [none]
#                        X-Forwarded-For names the client (nginx realip):
#                        the city's load balancer; the tests' 127.0.0.1
#   HROMADA_BASE_URL     the site as residents reach it, for  [http://127.0.0.1:PORT]
#                        absolute links in feeds and e-mail
#   HROMADA_SECRET_FILE  32 random bytes keying form tokens   [$HROMADA_VAR/secret]
#   HROMADA_UPLOAD_DIR   uploaded documents, served as        [$HROMADA_VAR/uploads]
#                        /uploads/ by nginx
#                        and address hashes; made when missing
#   for `site` only: HROMADA_LISTEN [127.0.0.1:PORT], HROMADA_SERVER_NAME
#   [localhost], HROMADA_SITE_D [$HROMADA_VAR/nginx/site.d]
#
# A program NAME runs as `HROMADA_SOCKET=$VAR/run/NAME.sock $BIN/NAME` in a
# session of its own (setsid: closing the terminal does not stop it), logs to
# $VAR/log/NAME.log, and its master's pid is in $VAR/run/NAME.pid.  Waits
# poll in 0.05 s steps with a deadline; nothing sleeps blindly.

set -eu

ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
VAR=${HROMADA_VAR:-$ROOT/var}
case $VAR in /*) ;; *) VAR=$PWD/$VAR ;; esac
VAR=${VAR%/}
RUN=$VAR/run
LOG=$VAR/log
NGX=$VAR/nginx
PORT=${HROMADA_PORT:-8080}
BIN=${HROMADA_BIN:-$ROOT/build/bin}
PROGRAMS=${HROMADA_PROGRAMS:-list detail comment admin feed subscribe notify api stats agenda opendata}
DEMO_N=${HROMADA_DEMO_CONSULTATIONS:-2000}
DEMO_M=${HROMADA_DEMO_COMMENTS:-60000}
DB_SCRIPT=${HROMADA_DB_SCRIPT:-$ROOT/scripts/db.sh}
NGINX=${HROMADA_NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
MICROCACHE=${HROMADA_MICROCACHE:-on}
MICROCACHE_DIR=${HROMADA_MICROCACHE_DIR:-$NGX/cache/micro}
case $MICROCACHE_DIR in /*) ;; *) MICROCACHE_DIR=$PWD/$MICROCACHE_DIR ;; esac
RATE_LIMIT=${HROMADA_RATE_LIMIT:-on}
UPLOADS=${HROMADA_UPLOAD_DIR:-$VAR/uploads}
case $UPLOADS in /*) ;; *) UPLOADS=$PWD/$UPLOADS ;; esac
REAL_IP_FROM=${HROMADA_REAL_IP_FROM:-}
OPENDATA=${HROMADA_OPENDATA_DIR:-$VAR/opendata}
case $OPENDATA in /*) ;; *) OPENDATA=$PWD/$OPENDATA ;; esac
URL=http://127.0.0.1:$PORT/

# What the programs (and db.sh) see.
export HROMADA_VAR=$VAR
export HROMADA_DB_SOCKET=${HROMADA_DB_SOCKET:-$RUN/mysqld.sock}
export HROMADA_DB_NAME=${HROMADA_DB_NAME:-hromada}
export HROMADA_DB_USER=${HROMADA_DB_USER:-hromada_web}
export HROMADA_DB_PASSWORD=${HROMADA_DB_PASSWORD:-hromada-local}
export HROMADA_TEMPLATES=${HROMADA_TEMPLATES:-$ROOT/templates}
export HROMADA_SECRET_FILE=${HROMADA_SECRET_FILE:-$VAR/secret}
export HROMADA_BASE_URL=${HROMADA_BASE_URL:-http://127.0.0.1:$PORT}
# The admin writes uploads here; nginx serves them (site.conf.in).
export HROMADA_UPLOAD_DIR=$UPLOADS
# The open data export writes here (opendata --export); nginx serves it.
export HROMADA_OPENDATA_DIR=$OPENDATA
# Mail: without a relay in the configuration, the local sink (make run,
# make test) on a port that follows PORT, so parallel stacks never clash.
SINK_PORT=${HROMADA_SMTP_SINK_PORT:-$((PORT + 17445))}
if [ -z "${HROMADA_SMTP_URL:-}" ] && [[ " $PROGRAMS " == *" notify "* ]]; then
	SINK=on
	export HROMADA_SMTP_URL=smtp://127.0.0.1:$SINK_PORT
else
	SINK=off
fi
export HROMADA_BASE_URL=${HROMADA_BASE_URL:-http://127.0.0.1:$PORT}
if [ "$RATE_LIMIT" = off ]; then
	export HROMADA_SUBMIT_PER_MINUTE=0 HROMADA_SUBMIT_PER_HOUR=0
	export HROMADA_SUBSCRIBE_PER_MINUTE=0 HROMADA_SUBSCRIBE_PER_HOUR=0
	export HROMADA_API_READS_PER_MINUTE=0
fi
if [ -n "${HROMADA_WORKERS:-}" ]; then
	export HROMADA_WORKERS
else
	unset HROMADA_WORKERS
fi
unset HROMADA_SOCKET

say() { printf 'stack: %s\n' "$*"; }
warn() { printf 'stack: %s\n' "$*" >&2; }
die() { warn "$*"; exit 1; }

# show_log FILE: the end of a log (of a program's: from its last start),
# indented, on stderr.
show_log() {
	[ -s "$1" ] || return 0
	printf 'stack: the end of %s:\n' "$1" >&2
	tail -n 200 -- "$1" | tac | sed '/ stack\.sh: starting /q' | tac |
		tail -n 25 | sed 's/^/    | /' >&2
}

check_settings() {
	if ! [[ $PORT =~ ^[0-9]{1,5}$ ]] || [ "$PORT" -lt 1 ] || [ "$PORT" -gt 65535 ]; then
		die "HROMADA_PORT must be a port number, not '$PORT'"
	fi
	[[ $DEMO_N =~ ^[0-9]+$ && $DEMO_M =~ ^[0-9]+$ ]] ||
		die "HROMADA_DEMO_CONSULTATIONS and HROMADA_DEMO_COMMENTS must be numbers"
	case $MICROCACHE in
	on | off) ;;
	*) die "HROMADA_MICROCACHE must be on or off, not '$MICROCACHE'" ;;
	esac
	case $RATE_LIMIT in
	on | off) ;;
	*) die "HROMADA_RATE_LIMIT must be on or off, not '$RATE_LIMIT'" ;;
	esac
	[[ -z $REAL_IP_FROM || $REAL_IP_FROM =~ ^[0-9A-Fa-f.:/]+$ ]] ||
		die "HROMADA_REAL_IP_FROM must be an address or CIDR, not '$REAL_IP_FROM'"
	local p name
	# These paths go into nginx's configuration and through sed.
	for p in "$ROOT" "$VAR" "$MICROCACHE_DIR" "$UPLOADS" "$OPENDATA"; do
		[[ $p =~ ^[A-Za-z0-9/._+@-]+$ ]] ||
			die "path '$p' has characters nginx's configuration cannot take"
	done
	for name in $PROGRAMS; do
		[[ $name =~ ^[a-z][a-z0-9_-]*$ && $name != nginx ]] ||
			die "HROMADA_PROGRAMS: '$name' is not a program name"
	done
}

# now_ms: milliseconds since the epoch (EPOCHREALTIME's separator follows the
# locale: "." or ",").
now_ms() {
	local t=${EPOCHREALTIME//[.,]/}
	echo $((t / 1000))
}

# wait_for MS COMMAND...: run COMMAND every 0.05 s until it returns 0
# (return 0) or MS milliseconds pass (return 1).  A COMMAND returning 2 or
# more gives up at once with that status.
wait_for() {
	local deadline rc
	deadline=$(($(now_ms) + $1))
	shift
	while :; do
		rc=0
		"$@" || rc=$?
		case $rc in
		0) return 0 ;;
		1) ;;
		*) return "$rc" ;;
		esac
		[ "$(now_ms)" -lt "$deadline" ] || return 1
		sleep 0.05
	done
}

# read_pid FILE: the number in FILE, or nothing.
read_pid() {
	local p=''
	if [ -f "$1" ]; then
		read -r p <"$1" 2>/dev/null || true
	fi
	if [[ $p =~ ^[1-9][0-9]*$ ]]; then
		echo "$p"
	fi
}

# alive PID: the process exists and is not a zombie (an orphan whose parent
# has not reaped it yet counts as gone).
alive() {
	local s
	[ -n "$1" ] && s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	s=${s##*) }
	[ "${s%% *}" != Z ]
}

# session_gone SID: no live process is left in the session SID.  A program's
# master and nginx's master each lead a session; their workers are in it.
session_gone() {
	ps -e -o sid=,stat= |
		awk -v s="$1" '$1 == s && $2 !~ /^Z/ { n++ } END { exit n > 0 }'
}

# kill_session SID: SIGKILL every process of the session SID.
kill_session() {
	local pids
	pids=$(ps -e -o pid=,sid= | awk -v s="$1" '$2 == s { print $1 }')
	# shellcheck disable=SC2086 # one argument per pid
	[ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
}

# ours PID NAME: PID is the master of program NAME started for this $VAR
# (not a process that reused the pid after a crash).
ours() {
	alive "$1" || return 1
	tr '\0' '\n' <"/proc/$1/environ" 2>/dev/null |
		grep -qxF "HROMADA_SOCKET=$RUN/$2.sock" && return 0
	local arg0
	arg0=$(tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | head -n 1)
	[ "${arg0##*/}" = "$2" ]
}

# ours_nginx PID: PID is the master of the nginx with our prefix.
ours_nginx() {
	alive "$1" || return 1
	tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "-p $NGX/ "
}

# nginx_pid: the pid of our nginx's master, if it runs.
nginx_pid() {
	local pid
	pid=$(read_pid "$RUN/nginx.pid")
	if [ -n "$pid" ] && ours_nginx "$pid"; then
		echo "$pid"
	fi
}

# port_open: something accepts connections on 127.0.0.1:$PORT.
port_open() {
	(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

# socket_ready SOCKET PID: the program's socket accepts a connection (curl
# connects and sends nothing: rc 0 or 28, its timeout); 2 if PID died.
socket_ready() {
	local rc=0
	alive "$2" || return 2
	[ -S "$1" ] || return 1
	curl -s --noproxy '*' --unix-socket "$1" --max-time 0.1 telnet://localhost \
		</dev/null >/dev/null 2>&1 || rc=$?
	[ "$rc" -eq 0 ] || [ "$rc" -eq 28 ]
}

# lock / unlock: one start or stop at a time on a $VAR.  Servers are started
# with 9>&- so that they do not inherit (and keep) the lock.
lock() {
	exec 9>>"$RUN/stack.lock"
	if ! flock -n 9; then
		say "waiting for another stack.sh working on $VAR ..."
		flock -w 600 9 || die "another stack.sh still holds $RUN/stack.lock"
	fi
}
unlock() { exec 9>&-; }

# The programs started on this $VAR, so that `stop` finds them even if
# HROMADA_PROGRAMS changed in between.
remember() {
	grep -qxF "$1" "$RUN/stack.programs" 2>/dev/null ||
		echo "$1" >>"$RUN/stack.programs"
}
known_programs() {
	{
		# shellcheck disable=SC2086 # a list of names
		printf '%s\n' $PROGRAMS
		cat "$RUN/stack.programs" 2>/dev/null || true
	} | awk 'NF && !seen[$0]++'
}

# ---- nginx configuration -------------------------------------------------

sed_escape() { printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'; }

# render TEMPLATE: the template with the placeholders filled in, on stdout;
# fails on a placeholder this script does not know.
render() {
	local user='' out mc='' rl='' rip='# no proxy in front: '
	[ "$(id -u)" -ne 0 ] || user="$(id -un) $(id -gn)"
	# The micro-cache's lines: directives when on, comments when off.
	[ "$MICROCACHE" = on ] || mc='# micro-cache off: '
	[ "$RATE_LIMIT" = on ] || rl='# rate limit off: '
	[ -z "$REAL_IP_FROM" ] || rip=''
	# Comment lines keep their placeholders: they explain the template.
	out=$(sed -e '/^[[:space:]]*#/b' \
		-e "s|@LISTEN@|$(sed_escape "${LISTEN:-127.0.0.1:$PORT}")|g" \
		-e "s|@SERVER_NAME@|$(sed_escape "${SERVER_NAME:-localhost}")|g" \
		-e "s|@SITE_D@|$(sed_escape "${SITE_D:-$NGX/site.d}")|g" \
		-e "s|@PORT@|$PORT|g" \
		-e "s|@RUN@|$(sed_escape "$RUN")|g" \
		-e "s|@ROOT@|$(sed_escape "$ROOT")|g" \
		-e "s|@VAR@|$(sed_escape "$VAR")|g" \
		-e "s|@UPLOADS@|$(sed_escape "$UPLOADS")|g" \
		-e "s|@OPENDATA@|$(sed_escape "$OPENDATA")|g" \
		-e "s|@MICROCACHE_DIR@|$(sed_escape "$MICROCACHE_DIR")|g" \
		-e "s|@MICROCACHE@|$mc|g" \
		-e "s|@RATELIMIT@|$rl|g" \
		-e "s|@REALIP@|$rip|g" \
		-e "s|@REAL_IP_FROM@|$(sed_escape "${REAL_IP_FROM:-127.0.0.1}")|g" \
		-e "${user:+s|@USER@|$user|g}" \
		-e '/^user @USER@;$/d' \
		-- "$1")
	if grep -n '@[A-Z_]*@' <<<"$out" | grep -v '^[0-9]*:[[:space:]]*#' >&2; then
		die "$1: placeholder(s) above not known to stack.sh"
	fi
	printf '%s\n' "$out"
}

# gen_config: write $NGX/nginx.conf and site.conf and test them; sets
# CONFIG_CHANGED=1 when either differs from what was there.
CONFIG_CHANGED=0
gen_config() {
	local d f out
	for d in client_body proxy fastcgi uwsgi scgi; do
		mkdir -p "$NGX/tmp/$d"
	done
	# nginx makes the cache directory itself, but not its parents.
	[ "$MICROCACHE" != on ] || mkdir -p "$(dirname -- "$MICROCACHE_DIR")"
	for f in nginx site; do
		render "$ROOT/nginx/$f.conf.in" >"$NGX/$f.conf.tmp"
		cmp -s "$NGX/$f.conf.tmp" "$NGX/$f.conf" || CONFIG_CHANGED=1
		mv -f "$NGX/$f.conf.tmp" "$NGX/$f.conf"
	done
	out=$("$NGINX" -t -q -p "$NGX/" -c nginx.conf -e "$LOG/nginx-error.log" 2>&1) || {
		printf '%s\n' "$out" >&2
		die "nginx rejects the generated $NGX/nginx.conf"
	}
}

# ---- programs --------------------------------------------------------------

start_program() {
	local name=$1 pid
	local bin=$BIN/$1 pidf=$RUN/$1.pid sock=$RUN/$1.sock log=$LOG/$1.log
	pid=$(read_pid "$pidf")
	if [ -n "$pid" ] && ours "$pid" "$name"; then
		say "$name: already running (pid $pid)"
		return 0
	fi
	[ -x "$bin" ] || die "$name: no program $bin (build first: make)"
	# A pid file, socket or orphaned workers left by a crash.
	stop_programs "$name"
	remember "$name"
	printf '%s stack.sh: starting %s\n' "$(date '+%F %T')" "$bin" >>"$log"
	# In a subshell so that the program is not this shell's child (nothing
	# here waits for it); setsid gives it a session, hence a process group,
	# of its own, which `stop` can kill whole.
	(
		cd /
		HROMADA_SOCKET=$sock setsid "$bin" </dev/null >>"$log" 2>&1 9>&- &
		echo $! >"$pidf"
	)
	pid=$(read_pid "$pidf")
	local rc=0
	wait_for 10000 socket_ready "$sock" "$pid" || rc=$?
	if [ "$rc" -ne 0 ]; then
		if [ "$rc" -eq 2 ]; then
			warn "$name: exited at start"
		else
			warn "$name: $sock does not accept connections after 10 s"
		fi
		show_log "$log"
		stop_programs "$name" >/dev/null
		exit 1
	fi
	say "$name: started (pid $pid, log $log)"
}

# sink_ready PID: the SMTP sink accepts connections; 2 if PID died.
sink_ready() {
	alive "$1" || return 2
	(exec 3<>"/dev/tcp/127.0.0.1/$SINK_PORT") 2>/dev/null
}

# start_sink: the local SMTP sink (scripts/smtp-sink.c), when no relay is
# configured; its messages go to $VAR/mail/.
start_sink() {
	local pid pidf=$RUN/smtp-sink.pid log=$LOG/smtp-sink.log rc=0
	[ "$SINK" = on ] || return 0
	pid=$(read_pid "$pidf")
	if [ -n "$pid" ] && ours "$pid" smtp-sink; then
		say "smtp-sink: already running (pid $pid)"
		return 0
	fi
	[ -x "$BIN/smtp-sink" ] || die "smtp-sink: no program $BIN/smtp-sink (build first: make)"
	stop_programs smtp-sink
	remember smtp-sink
	mkdir -p "$VAR/mail"
	printf '%s stack.sh: starting %s\n' "$(date '+%F %T')" "$BIN/smtp-sink" >>"$log"
	(
		cd /
		setsid "$BIN/smtp-sink" -p "$SINK_PORT" -d "$VAR/mail" \
		    </dev/null >>"$log" 2>&1 9>&- &
		echo $! >"$pidf"
	)
	pid=$(read_pid "$pidf")
	wait_for 10000 sink_ready "$pid" || rc=$?
	if [ "$rc" -ne 0 ]; then
		warn "smtp-sink: does not accept on 127.0.0.1:$SINK_PORT"
		show_log "$log"
		stop_programs smtp-sink >/dev/null
		exit 1
	fi
	say "smtp-sink: started (pid $pid, 127.0.0.1:$SINK_PORT, mail in $VAR/mail)"
}

# all_gone SID...: no live process is left in any of the sessions.
all_gone() {
	local sid
	for sid; do
		session_gone "$sid" || return 1
	done
}

# stop_programs NAME...: SIGTERM every master at once, give them 5 s in all
# to finish (workers included), then SIGKILL what is left of each session.
stop_programs() {
	local name pid i sids=() labels=() names=()
	for name; do
		pid=$(read_pid "$RUN/$name.pid")
		if [ -n "$pid" ] && ours "$pid" "$name"; then
			kill -TERM "$pid" 2>/dev/null || true
			sids+=("$pid")
			labels+=("$name")
			names+=("$name")
		elif [ -n "$pid" ] && ! alive "$pid" && ! session_gone "$pid"; then
			# The master died and left workers.  While they live,
			# no new process can get the session's id: they are ours.
			warn "$name: master $pid is gone but its workers remain; killing them"
			kill_session "$pid"
			sids+=("$pid")
			labels+=("$name")
		fi
	done
	if [ "${#sids[@]}" -gt 0 ] && ! wait_for 5000 all_gone "${sids[@]}"; then
		for i in "${!sids[@]}"; do
			if ! session_gone "${sids[i]}"; then
				warn "${labels[i]}: still running 5 s after SIGTERM; killing its processes"
				kill_session "${sids[i]}"
			fi
		done
		wait_for 2000 all_gone "${sids[@]}" || warn "processes remain: see ps -s ${sids[*]}"
	fi
	for name in "${names[@]}"; do
		say "$name: stopped"
	done
	for name; do
		rm -f -- "$RUN/$name.pid" "$RUN/$name.sock"
	done
}

# ---- nginx -----------------------------------------------------------------

nginx_cmd() { "$NGINX" -p "$NGX/" -c nginx.conf -e "$LOG/nginx-error.log" "$@"; }

start_nginx() {
	local pid
	pid=$(nginx_pid)
	if [ -n "$pid" ]; then
		if [ "$CONFIG_CHANGED" -eq 1 ]; then
			nginx_cmd -s reload
			say "nginx: already running (pid $pid); new configuration loaded"
		else
			say "nginx: already running (pid $pid) on $URL"
		fi
		return 0
	fi
	rm -f -- "$RUN/nginx.pid"
	! port_open || die "127.0.0.1:$PORT is taken by another program: set HROMADA_PORT"
	# nginx puts itself in the background; its output goes to its error log
	# (appending, as nginx does) so that it holds no pipe of the caller's open.
	# shellcheck disable=SC2094
	if ! setsid "$NGINX" -p "$NGX/" -c nginx.conf -e "$LOG/nginx-error.log" \
	    </dev/null >>"$LOG/nginx-error.log" 2>&1 9>&-; then
		warn "nginx did not start"
		show_log "$LOG/nginx-error.log"
		exit 1
	fi
	if ! wait_for 10000 port_open; then
		warn "nginx does not answer on 127.0.0.1:$PORT after 10 s"
		show_log "$LOG/nginx-error.log"
		exit 1
	fi
	say "nginx: started (pid $(read_pid "$RUN/nginx.pid"), logs $LOG/nginx-*.log)"
}

stop_nginx() {
	local pid
	pid=$(nginx_pid)
	if [ -n "$pid" ]; then
		# Graceful: requests in progress finish.
		nginx_cmd -s quit 2>/dev/null || kill -QUIT "$pid" 2>/dev/null || true
		if ! wait_for 10000 session_gone "$pid"; then
			warn "nginx: still running 10 s after quit; killing it"
			kill_session "$pid"
			wait_for 2000 session_gone "$pid" || warn "nginx: processes remain"
		fi
		say "nginx: stopped"
	fi
	rm -f -- "$RUN/nginx.pid"
}

# ---- the whole stack -------------------------------------------------------

# start_all [quiet]: quiet leaves the closing URL line to the caller.
start_all() {
	local name code
	check_settings
	mkdir -p "$RUN" "$LOG" "$NGX"
	# Readable by nginx's workers: the files are 0644, public documents.
	mkdir -p -m 0755 "$UPLOADS"
	lock
	# What can be checked in a moment, before the database's seconds.
	[ -f "$DB_SCRIPT" ] || die "no $DB_SCRIPT"
	for name in $PROGRAMS; do
		[ -x "$BIN/$name" ] || die "$name: no program $BIN/$name (build first: make)"
	done
	if [ -z "$(nginx_pid)" ] && port_open; then
		die "127.0.0.1:$PORT is taken by another program: set HROMADA_PORT"
	fi
	gen_config
	if [ ! -s "$HROMADA_SECRET_FILE" ]; then
		(umask 077 && head -c 32 /dev/urandom >"$HROMADA_SECRET_FILE") ||
			die "cannot write the secret $HROMADA_SECRET_FILE"
	fi
	bash "$DB_SCRIPT" setup "$DEMO_N" "$DEMO_M" 9>&- ||
		die "the database did not start: $DB_SCRIPT setup failed"
	# The admin's demo users, with new passwords, for the banner of `run`.
	if [[ " $PROGRAMS " == *" admin "* ]]; then
		"$BIN/admin" --demo-users "$RUN/banner.txt" 9>&- >/dev/null ||
			die "admin: could not make the demo users"
	fi
	# The open data files, fresh at every start (nightly in production).
	if [[ " $PROGRAMS " == *" opendata "* ]]; then
		mkdir -p -m 0755 "$OPENDATA"
		"$BIN/opendata" --export "$OPENDATA" 9>&- >"$LOG/opendata-export.log" 2>&1 ||
			die "opendata: the export failed (see $LOG/opendata-export.log)"
	fi
	start_sink
	for name in $PROGRAMS; do
		start_program "$name"
	done
	start_nginx
	unlock
	code=$(curl -s --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 5 "${URL}healthz") || true
	[ "$code" = 200 ] ||
		warn "warning: ${URL}healthz answers ${code:-nothing}, not 200: see $LOG/"
	[ "${1:-}" = quiet ] || say "Hromada: $URL"
}

stop_all() {
	local rc=0
	if [ -d "$RUN" ]; then
		lock
		stop_nginx
		# shellcheck disable=SC2046 # a list of names
		stop_programs $(known_programs)
		rm -f -- "$RUN/stack.programs"
		unlock
	fi
	if [ -f "$DB_SCRIPT" ]; then
		bash "$DB_SCRIPT" stop 9>&- || {
			warn "$DB_SCRIPT stop failed"
			rc=1
		}
	else
		warn "no $DB_SCRIPT: database not stopped"
	fi
	return "$rc"
}

# A start that fails half-way stops the stack: it leaves either the whole
# stack running or nothing.
start_failed() {
	trap - EXIT
	warn "start failed; stopping the stack"
	stop_all >/dev/null 2>&1 || true
}

cmd_start() {
	trap start_failed EXIT
	start_all
	trap - EXIT
}

cmd_run() {
	trap start_failed EXIT
	trap on_signal INT TERM HUP
	start_all quiet
	trap - EXIT
	echo "Hromada: $URL — Ctrl-C to stop"
	[ ! -f "$RUN/banner.txt" ] || cat -- "$RUN/banner.txt"
	# Wait for a signal: the builtin `wait` returns as soon as a trapped
	# signal arrives, then the trap runs.
	sleep infinity 9>&- &
	SLEEPER=$!
	wait "$SLEEPER" || true
	SLEEPER=
	stop_all || exit 1
	exit 0
}

SLEEPER=
on_signal() {
	trap '' INT TERM HUP
	trap - EXIT
	[ -z "$SLEEPER" ] || kill "$SLEEPER" 2>/dev/null || true
	echo
	say "stopping"
	stop_all || true
	exit 0
}

cmd_status() {
	local name pid rc=0 n
	for name in $(known_programs); do
		pid=$(read_pid "$RUN/$name.pid")
		if [ -n "$pid" ] && ours "$pid" "$name"; then
			n=$(ps -e -o sid= | awk -v s="$pid" '$1 == s' | wc -l)
			say "$name: running (pid $pid, $n processes, $RUN/$name.sock)"
		else
			say "$name: stopped"
			rc=3
		fi
	done
	pid=$(nginx_pid)
	if [ -n "$pid" ]; then
		say "nginx: running (pid $pid) on $URL"
	else
		say "nginx: stopped"
		rc=3
	fi
	if [ -f "$DB_SCRIPT" ]; then
		bash "$DB_SCRIPT" status || rc=3
	else
		say "database: no $DB_SCRIPT"
		rc=3
	fi
	return "$rc"
}

cmd_restart() {
	local name=${1:-}
	[ -n "$name" ] || die "usage: stack.sh restart PROGRAM|nginx"
	check_settings
	mkdir -p "$RUN" "$LOG" "$NGX"
	lock
	if [ "$name" = nginx ]; then
		gen_config
		if [ -n "$(nginx_pid)" ]; then
			nginx_cmd -s reload
			say "nginx: configuration reloaded"
		else
			start_nginx
		fi
	else
		[[ $name =~ ^[a-z][a-z0-9_-]*$ ]] || die "'$name' is not a program name"
		[ -x "$BIN/$name" ] || die "$name: no program $BIN/$name (build first: make)"
		stop_programs "$name"
		if [ "$name" = smtp-sink ]; then
			start_sink
		else
			start_program "$name"
		fi
	fi
	unlock
}

cmd_site() {
	LISTEN=${HROMADA_LISTEN:-} SERVER_NAME=${HROMADA_SERVER_NAME:-} \
		SITE_D=${HROMADA_SITE_D:-} render "$ROOT/nginx/site.conf.in"
}

case ${1:-} in
start) cmd_start ;;
stop) stop_all ;;
run) cmd_run ;;
restart) cmd_restart "${2:-}" ;;
status) cmd_status ;;
site) check_settings; cmd_site ;;
*)
	echo "usage: stack.sh start | stop | run | restart PROGRAM|nginx | status | site" >&2
	exit 2
	;;
esac
