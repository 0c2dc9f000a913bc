#!/usr/bin/env bash
# One run of EXPORT DATABASE with JOBS 1 and JOBS 2 (issue 13's parallel export) on 1,200,000 rows of six mixed
# columns in four tables of 300,000 rows each, beside pg_dump -Fd -Z0 with -j 1 and -j 2; then the same on one table of
# 1,200,000 rows, which JOBS cannot split (a table is read on one connection).
# Needs: a PostgreSQL server reachable as below (trust auth), psql and pg_dump on the PATH, driver/target/ferry.jar
# built (./mvnw -B -DskipTests package) and pgjdbc's jar in the local Maven repository.
# Usage: benchmarks/postgres-parallel-export.sh [host] [port]
set -euo pipefail
host=${1:-127.0.0.1}
port=${2:-5432}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/driver/target/ferry.jar"
pgjdbc=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"; for d in ferry_bench_four ferry_bench_one; do
        psql -q -h "$host" -p "$port" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null; done' EXIT

export PGOPTIONS='-c client_min_messages=warning'
sql() { psql -q -h "$host" -p "$port" -U postgres -d "$1" -c "$2" >/dev/null; }
seconds() { local start=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $start" | bc; }
ferry() { java -Xmx128m -jar "$jar" --driver "$pgjdbc" -u postgres "jdbc:postgresql://$host:$port/$1" -c "$2"; }
table() { # name, first id, rows
  echo "CREATE TABLE $1 (id bigint PRIMARY KEY, name varchar(60) NOT NULL, amount numeric(14,2),
  at timestamp(6), flag boolean, note varchar(200));
  INSERT INTO $1 SELECT x, 'name ' || x || ' ' || repeat('x', x % 20), x * 1.01,
  timestamp '2020-01-01' + x * interval '1.000001 second', x % 2 = 0,
  CASE x % 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'a,\"b\"' || chr(10) || x END
  FROM generate_series($2, $2 + $3 - 1) x;"
}

for d in ferry_bench_four ferry_bench_one; do
  sql postgres "DROP DATABASE IF EXISTS $d"; sql postgres "CREATE DATABASE $d"
done
sql ferry_bench_four "$(table t1 1 300000) $(table t2 300001 300000) $(table t3 600001 300000) $(table t4 900001 300000)"
sql ferry_bench_one "$(table big 1 1200000)"

for d in ferry_bench_four ferry_bench_one; do
  echo "$d:"
  echo "  pg_dump -Fd -Z0 -j 1:      $(seconds pg_dump -h "$host" -p "$port" -U postgres -Fd -Z0 -j 1 -f "$work/$d-dump1" "$d") s"
  echo "  pg_dump -Fd -Z0 -j 2:      $(seconds pg_dump -h "$host" -p "$port" -U postgres -Fd -Z0 -j 2 -f "$work/$d-dump2" "$d") s"
  echo "  Ferry EXPORT csv JOBS 1:   $(seconds ferry "$d" "EXPORT DATABASE '$work/$d-jobs1' (JOBS 1)") s"
  echo "  Ferry EXPORT csv JOBS 2:   $(seconds ferry "$d" "EXPORT DATABASE '$work/$d-jobs2' (JOBS 2)") s"
  diff -r "$work/$d-jobs1" "$work/$d-jobs2" | grep -v createdAt | grep -c '^[<>]' | sed 's/^/  lines differing between JOBS 1 and JOBS 2 (createdAt excluded): /' || true
done
