#!/bin/sh
# Checks that sql/reference.sql and the reference data yaml name the same slugs,
# table by table: every slug of the yaml's districts, organizers (plus one
# rda-<district> unit per district with an RDA), themes, formats and
# participant_groups is in reference.sql, and reference.sql has no other.
# Usage: tests/sql/check-reference.sh [path/to/reference-data.yaml]
# (default: ../shared/reference-data.yaml next to the repository).
# Only sh, awk, sort and comm: a fresh Debian has no yaml module for Python.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
yaml=${1:-$top/../shared/reference-data.yaml}
sql=$top/sql/reference.sql
[ -r "$yaml" ] || { echo "check-reference: cannot read $yaml" >&2; exit 2; }
[ -r "$sql" ] || { echo "check-reference: cannot read $sql" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# "table slug" for each list item of the reference sections of the yaml.
awk '
	/^[a-z_]+:/ {
		sect = $1
		sub(/:.*/, "", sect)
		table = (sect == "organizers") ? "units" : sect
		if (sect != "districts" && sect != "organizers" &&
		    sect != "themes" && sect != "formats" &&
		    sect != "participant_groups")
			table = ""
		next
	}
	table != "" && /^[ \t]*- *\{/ {
		line = $0
		sub(/#.*/, "", line)
		if (match(line, /[{,][ \t]*slug:[ \t]*"?[^",} \t]+/) == 0) {
			print "no slug: " $0 > "/dev/stderr"
			bad = 1
			next
		}
		slug = substr(line, RSTART, RLENGTH)
		sub(/.*slug:[ \t]*"?/, "", slug)
		print table, slug
		if (table == "districts" && line ~ /rda_uk:/)
			print "units", "rda-" slug
	}
	END { exit bad }
' "$yaml" | LC_ALL=C sort >"$tmp/yaml"

# "table slug" for each row of the INSERTs of reference.sql: a row starts
# with a tab and a parenthesis, its first value is the slug.
awk -v q="'" '
	/^INSERT INTO / { table = $3; next }
	/^;/ || /^ON DUPLICATE/ { table = ""; next }
	table != "" && index($0, "\t(" q) == 1 {
		slug = substr($0, 4)
		sub(q ".*", "", slug)
		print table, slug
	}
' "$sql" | LC_ALL=C sort >"$tmp/sql"

status=0
if [ ! -s "$tmp/yaml" ]; then
	echo "check-reference: no slugs found in $yaml" >&2
	exit 1
fi
missing=$(LC_ALL=C comm -23 "$tmp/yaml" "$tmp/sql")
extra=$(LC_ALL=C comm -13 "$tmp/yaml" "$tmp/sql")
dups=$(uniq -d "$tmp/sql")
if [ -n "$missing" ]; then
	echo "check-reference: in the yaml but not in sql/reference.sql:"
	echo "$missing" | sed 's/^/  /'
	status=1
fi
if [ -n "$extra" ]; then
	echo "check-reference: in sql/reference.sql but not in the yaml:"
	echo "$extra" | sed 's/^/  /'
	status=1
fi
if [ -n "$dups" ]; then
	echo "check-reference: twice in sql/reference.sql:"
	echo "$dups" | sed 's/^/  /'
	status=1
fi
[ $status -ne 0 ] || echo "check-reference: ok, $(wc -l <"$tmp/yaml") slugs"
exit $status
