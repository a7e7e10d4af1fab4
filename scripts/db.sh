#!/usr/bin/env bash
# The private MariaDB instance of Hromada: create it, start and stop it, apply the
# migrations, load the reference data and the demo data, run the client.
#
#   scripts/db.sh init | start | stop | status | migrate | reference
#   scripts/db.sh demo [N_CONSULTATIONS [N_COMMENTS]]      (default 2000 60000)
#   scripts/db.sh demo-if-empty [N_CONSULTATIONS [N_COMMENTS]]
#   scripts/db.sh sql [mariadb client arguments...]        (root, database selected)
#   scripts/db.sh setup [N_CONSULTATIONS [N_COMMENTS]]     (all of the above, in order)
#
# Everything lives under $HROMADA_VAR (default <repo>/var): db/my.cnf, db/data,
# run/ (socket, pid), log/, tmp/.  The server listens on the unix socket only.
# Environment (defaults in brackets): HROMADA_VAR [<repo>/var],
# HROMADA_DB_SOCKET [$HROMADA_VAR/run/mysqld.sock], HROMADA_DB_NAME [hromada],
# HROMADA_DB_USER / HROMADA_DB_PASSWORD [hromada_web / hromada-local],
# HROMADA_DB_ADMIN_USER / HROMADA_DB_ADMIN_PASSWORD
# [hromada_admin / hromada-local-admin].
# Clients always run with --no-defaults and connect as root through the socket.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
var=${HROMADA_VAR:-$top/var}
case $var in
/*) ;;
*) var=$(pwd)/$var ;;
esac
dbdir=$var/db
datadir=$dbdir/data
cnf=$dbdir/my.cnf
rundir=$var/run
logdir=$var/log
tmpdir=$var/tmp
sock=${HROMADA_DB_SOCKET:-$rundir/mysqld.sock}
pidfile=$rundir/mariadbd.pid
dbname=${HROMADA_DB_NAME:-hromada}
web_user=${HROMADA_DB_USER:-hromada_web}
web_password=${HROMADA_DB_PASSWORD:-hromada-local}
admin_user=${HROMADA_DB_ADMIN_USER:-hromada_admin}
admin_password=${HROMADA_DB_ADMIN_PASSWORD:-hromada-local-admin}

demo_consultations=2000
demo_comments=60000

die() {
	echo "db.sh: $*" >&2
	exit 1
}

say() {
	echo "db.sh: $*"
}

# The client as root on the socket; extra arguments follow.
client() {
	mariadb --no-defaults -S "$sock" -u root --default-character-set=utf8mb4 "$@"
}

# The client with the database selected, for statements and SQL files.
client_db() {
	client -D "$dbname" "$@"
}

# SQL string literal: double the single quotes and backslashes.
sql_str() {
	printf "'%s'" "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e "s/'/''/g")"
}

# Identifier in backticks, for CREATE DATABASE and the like.
# shellcheck disable=SC2016 # literal backticks
sql_ident() {
	printf '`%s`' "$(printf '%s' "$1" | sed 's/`/``/g')"
}

is_number() {
	case $1 in
	'' | *[!0-9]*) return 1 ;;
	esac
	return 0
}

alive() {
	mariadb-admin --no-defaults -S "$sock" -u root --connect-timeout=2 \
	    ping >/dev/null 2>&1
}

# Does process $1 exist and not as a zombie?
pid_runs() {
	local state
	state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
	case $state in
	Z*) return 1 ;;
	esac
	return 0
}

# Is $1 a live mariadbd (not a zombie, not a reused pid)?
is_mariadbd() {
	local state
	state=$(ps -o stat=,comm= -p "$1" 2>/dev/null) || return 1
	case $state in
	Z*) return 1 ;;
	*mariadbd*) return 0 ;;
	esac
	return 1
}

# The pid of our server from its pid file, if it runs.
server_pid() {
	local pid
	[ -f "$pidfile" ] || return 1
	pid=$(cat "$pidfile" 2>/dev/null) || return 1
	is_number "$pid" || return 1
	is_mariadbd "$pid" || return 1
	echo "$pid"
}

need_server() {
	alive || die "the server is not running (socket $sock); run: $0 start"
}

write_cnf() {
	local user_line=
	[ "$(id -u)" = 0 ] && user_line='user=root'
	cat >"$cnf.tmp" <<EOF
# Written by scripts/db.sh init; rewritten on every init.
[mariadbd]
datadir=$datadir
socket=$sock
pid-file=$pidfile
log-error=$logdir/mariadbd.err
tmpdir=$tmpdir
$user_line
skip-networking
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_uca1400_ai_ci
default-time-zone='+00:00'
innodb_ft_min_token_size=2
innodb_buffer_pool_size=512M
innodb_log_file_size=1G
innodb_log_buffer_size=32M
max_connections=500
EOF
	mv "$cnf.tmp" "$cnf"
}

cmd_init() {
	local user
	mkdir -p "$dbdir" "$rundir" "$logdir" "$tmpdir" "$(dirname "$sock")"
	if [ ${#sock} -gt 100 ]; then
		die "socket path too long for a unix socket (${#sock} > 100): $sock"
	fi
	write_cnf
	if [ -d "$datadir/mysql" ]; then
		return 0
	fi
	if [ "$(id -u)" = 0 ]; then
		user=root
	else
		user=$(id -un)
	fi
	say "creating the data directory $datadir"
	mkdir -p "$datadir"
	if ! mariadb-install-db --no-defaults --datadir="$datadir" \
	    --user="$user" --auth-root-authentication-method=normal \
	    --skip-test-db --skip-name-resolve \
	    >"$logdir/install-db.log" 2>&1; then
		cat "$logdir/install-db.log" >&2
		rm -rf "$datadir"
		die "mariadb-install-db failed"
	fi
}

cmd_start() {
	local pid
	if [ ! -f "$cnf" ] || [ ! -d "$datadir/mysql" ]; then
		die "no instance under $dbdir; run: $0 init"
	fi
	if alive; then
		return 0
	fi
	if pid=$(server_pid); then
		die "mariadbd (pid $pid) runs but does not answer on $sock"
	fi
	mkdir -p "$rundir" "$logdir" "$tmpdir" "$(dirname "$sock")"
	rm -f "$pidfile"
	setsid mariadbd --defaults-file="$cnf" </dev/null \
	    >>"$logdir/mariadbd.out" 2>&1 &
	pid=$!
	# Poll up to 30 s, 0.1 s at a time.
	for _ in $(seq 300); do
		if alive; then
			return 0
		fi
		if ! pid_runs "$pid"; then
			tail -n 20 "$logdir/mariadbd.err" >&2 2>/dev/null || true
			die "mariadbd exited during start-up (see $logdir)"
		fi
		sleep 0.1
	done
	die "mariadbd did not answer on $sock within 30 s (see $logdir)"
}

cmd_stop() {
	local pid
	pid=$(server_pid) || pid=
	if [ -z "$pid" ] && ! alive; then
		rm -f "$pidfile"
		return 0
	fi
	mariadb-admin --no-defaults -S "$sock" -u root shutdown \
	    >/dev/null 2>&1 || { [ -n "$pid" ] && kill -TERM "$pid"; } || true
	# Wait up to 60 s for a clean InnoDB shutdown, then force.
	for _ in $(seq 600); do
		if [ -n "$pid" ]; then
			is_mariadbd "$pid" || break
		else
			alive || break
		fi
		sleep 0.1
	done
	if [ -n "$pid" ] && is_mariadbd "$pid"; then
		echo "db.sh: mariadbd (pid $pid) did not stop in 60 s; killing it" >&2
		kill -KILL "$pid" 2>/dev/null || true
		for _ in $(seq 50); do
			is_mariadbd "$pid" || break
			sleep 0.1
		done
	fi
	alive && die "the server on $sock is still running"
	rm -f "$pidfile"
}

cmd_status() {
	local pid demo
	if ! alive; then
		echo "stopped (socket $sock)"
		return 3
	fi
	pid=$(server_pid || echo '?')
	echo "running: pid $pid, socket $sock, database $dbname"
	demo=$(client_db -N -B -e "SELECT CONCAT(n_consultations, ' consultations, ',
	    n_comments, ' comments, loaded ', loaded_at, ' UTC in ', seconds, ' s')
	    FROM demo_info WHERE id = 1" 2>/dev/null) || true
	[ -z "$demo" ] || echo "demo data: $demo"
	return 0
}

# Create the user if needed, set its password, and give it exactly $2 on the
# database (other databases' grants are left alone).
refresh_user() {
	local user=$1 privs=$2 password=$3 who grant_db
	who="$(sql_str "$user")@'localhost'"
	# In GRANT, _ and % in a database name are wildcards: escape them.
	grant_db=$(sql_ident "$(printf '%s' "$dbname" | sed 's/[_%]/\\&/g')")
	client <<EOF
CREATE USER IF NOT EXISTS $who IDENTIFIED BY $(sql_str "$password");
ALTER USER $who IDENTIFIED BY $(sql_str "$password");
GRANT USAGE ON *.* TO $who;
GRANT SELECT ON $grant_db.* TO $who;
REVOKE ALL PRIVILEGES ON $grant_db.* FROM $who;
GRANT $privs ON $grant_db.* TO $who;
EOF
}

cmd_migrate() {
	local f version applied
	need_server
	client -e "CREATE DATABASE IF NOT EXISTS $(sql_ident "$dbname")
	    CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci"
	client_db -e "CREATE TABLE IF NOT EXISTS schema_migrations (
	    version VARCHAR(64) NOT NULL PRIMARY KEY,
	    applied_at DATETIME NOT NULL) ENGINE=InnoDB"
	applied=$(client_db -N -B -e "SELECT version FROM schema_migrations")
	# In file name order, whatever the locale.
	while IFS= read -r f; do
		[ -f "$f" ] || continue
		version=$(basename "$f" .sql)
		if printf '%s\n' "$applied" | grep -qxF "$version"; then
			continue
		fi
		[ ${#version} -le 64 ] || die "migration name too long: $version"
		say "applying $version"
		# The version is recorded in the same session, only when every
		# statement of the file succeeded (the client stops at the first
		# error).
		{
			cat "$f"
			printf '\n;\nINSERT INTO schema_migrations VALUES (%s, UTC_TIMESTAMP());\n' \
			    "$(sql_str "$version")"
		} | client_db || die "migration $version failed"
	done < <(printf '%s\n' "$top"/sql/migrations/[0-9][0-9][0-9]_*.sql |
	    LC_ALL=C sort)
	refresh_user "$web_user" "SELECT, INSERT, UPDATE" "$web_password"
	# subscribe changes a subscription's filters in place (issue 6): the
	# one table the web user deletes from.
	client_db -e "GRANT DELETE ON subscription_filters TO \
	    $(sql_str "$web_user")@'localhost'"
	refresh_user "$admin_user" "SELECT, INSERT, UPDATE, DELETE" \
	    "$admin_password"
}

cmd_reference() {
	need_server
	client_db <"$top/sql/reference.sql"
}

cmd_demo() {
	local n=${1:-$demo_consultations} m=${2:-$demo_comments}
	is_number "$n" && n=$((10#$n))
	is_number "$m" && m=$((10#$m))
	if ! is_number "$n" || [ "$n" -gt 1000000 ]; then
		die "demo: N_CONSULTATIONS must be a number up to 1000000"
	fi
	if ! is_number "$m" || [ "$m" -gt 10000000 ]; then
		die "demo: N_COMMENTS must be a number up to 10000000"
	fi
	[ "$n" -gt 0 ] || [ "$m" -eq 0 ] ||
	    die "demo: comments need at least one consultation"
	need_server
	say "loading demo data: $n consultations, $m comments"
	{
		printf 'SET @n_consultations = %d, @n_comments = %d;\n' "$n" "$m"
		cat "$top/sql/demo.sql" "$top/sql/demo_agenda.sql"
	} | client_db
	client_db -N -B -e "SELECT CONCAT('db.sh: demo data loaded in ', seconds,
	    ' s') FROM demo_info WHERE id = 1"
}

cmd_demo_if_empty() {
	local count
	need_server
	count=$(client_db -N -B -e "SELECT COUNT(*) FROM consultations")
	if [ "$count" != 0 ]; then
		say "keeping the $count consultations already loaded"
		# The agenda came later (issue 8): its demo on an older database.
		if [ "$(client_db -N -B -e "SELECT COUNT(*) FROM agenda_items")" = 0 ]; then
			say "loading the agenda's demo data"
			client_db <"$top/sql/demo_agenda.sql"
		fi
		return 0
	fi
	cmd_demo "$@"
}

cmd_setup() {
	cmd_init
	cmd_start
	cmd_migrate
	cmd_reference
	cmd_demo_if_empty "$@"
}

[ $# -ge 1 ] || die "usage: $0 init|start|stop|status|migrate|reference|demo [N [M]]|demo-if-empty [N [M]]|sql [args]|setup [N [M]]"
cmd=$1
shift
case $cmd in
init) cmd_init ;;
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
migrate) cmd_migrate ;;
reference) cmd_reference ;;
demo) cmd_demo "$@" ;;
demo-if-empty) cmd_demo_if_empty "$@" ;;
sql)
	need_server
	client_db "$@"
	;;
setup) cmd_setup "$@" ;;
*) die "unknown command: $cmd" ;;
esac
