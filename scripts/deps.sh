#!/usr/bin/env bash
# deps.sh: the one list of Debian packages Hromada needs, and the check that
# they are installed.
#
# usage: deps.sh run          packages to build and run (make run)
#        deps.sh test         those and the test tools (make test)
#        deps.sh list run|test   print the list, one line (for the Makefile)
#
# All installed: prints nothing, exits 0.  Some missing: as root, runs
# `apt-get update` once and installs them; otherwise prints the command to
# run and exits 1.  Installing starts no system service (see policy-rc.d
# below): Hromada runs its own MariaDB and nginx under var/.
set -eu

# Build and run: compiler, libraries (-dev brings the runtime library),
# the database server and client, nginx, curl (scripts and tests).
RUN_PACKAGES="build-essential pkg-config libfcgi-dev libmariadb-dev
mariadb-server mariadb-client nginx libctemplate-dev libpcre2-dev
libjansson-dev libcmark-dev libsodium-dev libcurl4-openssl-dev curl tzdata
ca-certificates"

# Tests: unit tests (cmocka); the HTTP and browser tests (node >= 18 with
# npm, Debian's chromium); fuzzing and sanitizers (clang and its runtime);
# `make valgrind`; `make bench` (wrk).
TEST_PACKAGES="libcmocka-dev nodejs npm chromium clang libclang-rt-14-dev
valgrind wrk"

usage() {
	echo "usage: deps.sh run | test | list run|test" >&2
	exit 2
}

# packages SET: the list for SET, one name a line.
packages() {
	# shellcheck disable=SC2086 # word lists
	case $1 in
	run) printf '%s\n' $RUN_PACKAGES ;;
	test) printf '%s\n' $RUN_PACKAGES $TEST_PACKAGES ;;
	*) usage ;;
	esac
}

installed() {
	local status
	status=$(dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null) || return 1
	case $status in
	*" ok installed"*) return 0 ;;
	*) return 1 ;;
	esac
}

# node_ok: a node >= 18 is on PATH (from Debian or not).  Then Debian's
# nodejs is not needed: a developer's own node (nvm, NodeSource) is kept.
node_ok() {
	local v
	v=$(node --version 2>/dev/null) || return 1
	v=${v#v}
	[[ ${v%%.*} =~ ^[0-9]+$ ]] && [ "${v%%.*}" -ge 18 ]
}

# missing SET: the packages of SET that are not installed, on one line.
missing() {
	local p out=()
	for p in $(packages "$1"); do
		if { [ "$p" = nodejs ] || [ "$p" = npm ]; } && node_ok &&
		    command -v npm >/dev/null; then
			continue
		fi
		installed "$p" || out+=("$p")
	done
	echo "${out[*]}"
}

install() {
	local pkgs=$1 policy=/usr/sbin/policy-rc.d
	# Debian's maintainer scripts start a service just installed
	# (mariadb-server, nginx) unless policy-rc.d says no (101).  A file
	# that is already there is left alone.
	if [ ! -e "$policy" ]; then
		printf '#!/bin/sh\nexit 101\n' >"$policy"
		chmod 755 "$policy"
		# shellcheck disable=SC2064 # the path, now
		trap "rm -f $policy" EXIT
		trap 'exit 1' INT TERM HUP
	fi
	echo "deps.sh: installing: $pkgs"
	apt-get update
	# shellcheck disable=SC2086 # one argument per package
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $pkgs
}

case ${1:-} in
list)
	case $#:${2:-} in
	2:run | 2:test) ;;
	*) usage ;;
	esac
	packages "$2" | paste -sd ' '
	;;
run | test)
	[ $# -eq 1 ] || usage
	todo=$(missing "$1")
	[ -n "$todo" ] || exit 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "Missing packages. Run: sudo apt-get update && sudo apt-get install -y $todo" >&2
		exit 1
	fi
	install "$todo"
	todo=$(missing "$1")
	if [ -n "$todo" ]; then
		echo "deps.sh: still missing after apt-get install: $todo" >&2
		exit 1
	fi
	if [ "$1" = test ] && ! node_ok; then
		echo "deps.sh: warning: node on PATH is older than 18: $(node --version 2>&1)" >&2
	fi
	;;
*) usage ;;
esac
