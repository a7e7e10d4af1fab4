#!/usr/bin/env bash
# bench-match.sh: matching one event to 100,000 subscriptions (issue 6), on
# the running stack's database ($HROMADA_VAR, as scripts/db.sh finds it).
# Called by scripts/bench.sh (make bench); runs alone too:
#   HROMADA_VAR=var/dev scripts/bench-match.sh
#
# Makes HROMADA_BENCH_SUBSCRIPTIONS [100000] active subscriptions once
# (addresses bench-N@bench.invalid, kept between runs): 2 % with no filter,
# the rest restricted to one to three of theme, district and unit, the way
# residents pick them; then runs build/bin/bench-match on
# HROMADA_BENCH_EVENTS [20] published consultations.  Its outbox rows
# (bench.invalid) are removed afterwards and the subscriptions are active
# only while measured, so a worker never sends them anything.
# The last line is bench-match's summary ("match: N events, median ...").
set -euo pipefail

ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
DB=$ROOT/scripts/db.sh
BIN=${HROMADA_BENCH_MATCH:-$ROOT/build/bin/bench-match}
N=${HROMADA_BENCH_SUBSCRIPTIONS:-100000}
EVENTS=${HROMADA_BENCH_EVENTS:-20}
sql1() { "$DB" sql -N -B -e "$1"; }
say() { printf 'bench-match: %s\n' "$*" >&2; }

[ -x "$BIN" ] || { say "no $BIN (make bench builds it)"; exit 1; }
[[ $N =~ ^[0-9]+$ && $EVENTS =~ ^[0-9]+$ ]] || { say "bad numbers"; exit 1; }

have=$(sql1 "SELECT COUNT(*) FROM subscriptions WHERE email LIKE 'bench-%@bench.invalid'")
if [ "$have" -ne "$N" ]; then
	say "making $N subscriptions"
	# The sequence engine (seq_1_to_N) is built into MariaDB.
	sql1 "SET @hromada_bulk = 1;
	DELETE FROM subscriptions WHERE email LIKE 'bench-%@bench.invalid';
	INSERT INTO subscriptions (email, filters_key, nfacets, state, frequency,
		manage_nonce, manage_hash, confirmed_at)
	SELECT CONCAT('bench-', seq, '@bench.invalid'), UNHEX(SHA2(CONCAT('f', seq), 256)),
		0, 'active', 'immediate', RANDOM_BYTES(16),
		UNHEX(SHA2(CONCAT('bench-m', seq), 256)), UTC_TIMESTAMP()
	FROM seq_1_to_$N;
	CREATE TEMPORARY TABLE bs AS SELECT id, CAST(SUBSTRING_INDEX(SUBSTRING(email, 7), '@', 1) AS UNSIGNED) AS n
		FROM subscriptions WHERE email LIKE 'bench-%@bench.invalid';
	INSERT IGNORE INTO subscription_filters (subscription_id, facet, value_id, nfacets)
	SELECT bs.id, 0, t.id, 0 FROM bs JOIN themes t
		ON t.id = (SELECT MIN(id) FROM themes) + bs.n % (SELECT COUNT(*) FROM themes)
	WHERE bs.n % 50 <> 0 AND bs.n % 3 <> 2;
	INSERT IGNORE INTO subscription_filters (subscription_id, facet, value_id, nfacets)
	SELECT bs.id, 0, t.id, 0 FROM bs JOIN themes t
		ON t.id = (SELECT MIN(id) FROM themes) + (bs.n * 7 + 3) % (SELECT COUNT(*) FROM themes)
	WHERE bs.n % 50 <> 0 AND bs.n % 5 = 0;
	INSERT IGNORE INTO subscription_filters (subscription_id, facet, value_id, nfacets)
	SELECT bs.id, 1, d.id, 0 FROM bs JOIN districts d
		ON d.id = (SELECT MIN(id) FROM districts) + (bs.n * 13) % (SELECT COUNT(*) FROM districts)
	WHERE bs.n % 50 <> 0 AND bs.n % 3 <> 0;
	INSERT IGNORE INTO subscription_filters (subscription_id, facet, value_id, nfacets)
	SELECT bs.id, 4, u.id, 0 FROM bs JOIN units u
		ON u.id = (SELECT MIN(id) FROM units) + (bs.n * 17) % (SELECT COUNT(*) FROM units)
	WHERE bs.n % 50 <> 0 AND bs.n % 7 = 0;
	UPDATE subscriptions s JOIN (SELECT subscription_id, COUNT(DISTINCT facet) AS k
		FROM subscription_filters GROUP BY subscription_id) f ON f.subscription_id = s.id
		SET s.nfacets = f.k WHERE s.email LIKE 'bench-%@bench.invalid';
	UPDATE subscription_filters f JOIN subscriptions s ON s.id = f.subscription_id
		SET f.nfacets = s.nfacets WHERE s.email LIKE 'bench-%@bench.invalid';
	ANALYZE TABLE subscriptions, subscription_filters;" >/dev/null
fi

# Active only while measured: a worker running on this database (make run)
# must never write to them.
sql1 "UPDATE subscriptions SET state = 'active' WHERE email LIKE 'bench-%@bench.invalid'"
trap "\"$DB\" sql -e \"UPDATE subscriptions SET state = 'unsubscribed' WHERE email LIKE 'bench-%@bench.invalid'; DELETE FROM outbox WHERE email LIKE 'bench-%@bench.invalid'\"" EXIT
ids=$(sql1 "SELECT c.id FROM consultations c WHERE c.status <> 'draft'
	AND EXISTS (SELECT 1 FROM consultation_themes t WHERE t.consultation_id = c.id)
	ORDER BY c.id LIMIT $EVENTS")
[ -n "$ids" ] || { say "no published consultation"; exit 1; }
# shellcheck disable=SC2086 # one argument per id
# The program finds the database as the stack's programs do (stack.sh
# exports this to them; the default is relative to the working directory).
export HROMADA_DB_SOCKET=${HROMADA_DB_SOCKET:-${HROMADA_VAR:-$ROOT/var}/run/mysqld.sock}
out=$("$BIN" $ids)
printf '%s\n' "$out" | tail -n 1
