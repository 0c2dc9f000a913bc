#!/usr/bin/env bash
# One run each of Ferry's CSV export of 1,000,000 PostgreSQL rows (the table of postgres-million-rows.sh) with
# COMPRESSION none, gzip and zstd: seconds and bytes of the data file (and gzip -6 and zstd -3 on the plain file, where
# installed); then each imported back (seconds) and counted.
# Needs: a PostgreSQL server reachable as below (trust auth), psql on the PATH, driver/target/ferry.jar built
# (./mvnw -B -DskipTests package) and pgjdbc's jar in the local Maven repository.
# Usage: benchmarks/postgres-csv-compression.sh [host] [port]
set -euo pipefail
host=${1:-127.0.0.1}
port=${2:-5432}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/driver/target/ferry.jar"
pgjdbc=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -n 1)
work=$(mktemp -d)
databases="ferry_csvz_src ferry_csvz_none ferry_csvz_gzip ferry_csvz_zstd"
trap 'rm -rf "$work"; for d in $databases; do
        psql -q -h "$host" -p "$port" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null; done' EXIT

export PGOPTIONS='-c client_min_messages=warning'
sql() { psql -q -h "$host" -p "$port" -U postgres -d "$1" -c "$2" >/dev/null; }
seconds() { local start=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $start" | bc; }
ferry() { java -Xmx128m -jar "$jar" --driver "$pgjdbc" -u postgres "jdbc:postgresql://$host:$port/$1" -c "$2"; }

for d in $databases; do
  sql postgres "DROP DATABASE IF EXISTS $d"; sql postgres "CREATE DATABASE $d"
done
sql ferry_csvz_src "CREATE TABLE big (id bigint PRIMARY KEY, name varchar(60) NOT NULL, amount numeric(14,2),
  at timestamp(6), flag boolean, note varchar(200));
  INSERT INTO big SELECT x, 'name ' || x || ' ' || repeat('x', x % 20), x * 1.01,
  timestamp '2020-01-01' + x * interval '1.000001 second', x % 2 = 0,
  CASE x % 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'a,\"b\"' || chr(10) || x END FROM generate_series(1, 1000000) x"
sql ferry_csvz_src "VACUUM ANALYZE big"

for codec in none gzip zstd; do
  took=$(seconds ferry ferry_csvz_src "EXPORT DATABASE '$work/$codec' (FORMAT csv, COMPRESSION $codec, JOBS 1)")
  file=$(find "$work/$codec/data" -type f)
  echo "EXPORT COMPRESSION $codec: $took s, $(basename "$file") $(du -b "$file" | cut -f1) bytes"
done
plain=$(find "$work/none/data" -type f)
for tool in "gzip -6" "zstd -3"; do  # the command-line tools on the plain file, for comparison, where installed
  if command -v "${tool%% *}" >/dev/null; then
    took=$(seconds sh -c "$tool -c '$plain' > '$work/tool.out'")
    echo "$tool of the plain file: $took s, $(du -b "$work/tool.out" | cut -f1) bytes"
  fi
done
for codec in none gzip zstd; do
  took=$(seconds ferry "ferry_csvz_$codec" "IMPORT DATABASE '$work/$codec'")
  rows=$(psql -qtA -h "$host" -p "$port" -U postgres -d "ferry_csvz_$codec" -c 'SELECT count(*) FROM big')
  echo "IMPORT COMPRESSION $codec: $took s, $rows rows"
done
