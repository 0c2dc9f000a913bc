#!/usr/bin/env bash
# One run of Ferry against PostgreSQL's own tools on 1,000,000 rows of six mixed columns.
# Needs: a PostgreSQL server reachable as below (trust auth), psql/pg_dump/pg_restore on the PATH,
# driver/target/ferry.jar built (./mvnw -B -DskipTests package) and pgjdbc's jar in the local Maven repository.
# Usage: benchmarks/postgres-million-rows.sh [host] [port]
set -euo pipefail
host=${1:-127.0.0.1}
port=${2:-5432}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/driver/target/ferry.jar"
pgjdbc=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"; for d in ferry_bench_src ferry_bench_csv ferry_bench_parquet ferry_bench_restore; do
        psql -q -h "$host" -p "$port" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null; done' EXIT

export PGOPTIONS='-c client_min_messages=warning'
sql() { psql -q -h "$host" -p "$port" -U postgres -d "$1" -c "$2" >/dev/null; }
seconds() { local start=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $start" | bc; }
ferry() { java -Xmx128m -jar "$jar" --driver "$pgjdbc" -u postgres "jdbc:postgresql://$host:$port/$1" -c "$2"; }

for d in ferry_bench_src ferry_bench_csv ferry_bench_parquet ferry_bench_restore; do
  sql postgres "DROP DATABASE IF EXISTS $d"; sql postgres "CREATE DATABASE $d"
done
sql ferry_bench_src "CREATE TABLE big (id bigint PRIMARY KEY, name varchar(60) NOT NULL, amount numeric(14,2),
  at timestamp(6), flag boolean, note varchar(200));
  INSERT INTO big SELECT x, 'name ' || x || ' ' || repeat('x', x % 20), x * 1.01,
  timestamp '2020-01-01' + x * interval '1.000001 second', x % 2 = 0,
  CASE x % 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'a,\"b\"' || chr(10) || x END FROM generate_series(1, 1000000) x"

echo "pg_dump -Fc:        $(seconds pg_dump -h "$host" -p "$port" -U postgres -Fc -f "$work/dump" ferry_bench_src) s"
echo "psql \\copy to CSV:  $(seconds psql -h "$host" -p "$port" -U postgres -d ferry_bench_src -c "\\copy big TO '$work/big.csv' CSV") s"
echo "Ferry export CSV:   $(seconds ferry ferry_bench_src "EXPORT DATABASE '$work/csv'") s, $(du -b "$work/csv/public.big.csv" | cut -f1) bytes"
echo "Ferry export Parquet: $(seconds ferry ferry_bench_src "EXPORT DATABASE '$work/parquet' (FORMAT parquet)") s, $(du -b "$work/parquet/public.big.parquet" | cut -f1) bytes"
echo "pg_restore:         $(seconds pg_restore -h "$host" -p "$port" -U postgres -d ferry_bench_restore "$work/dump") s"
echo "Ferry import CSV:   $(seconds ferry ferry_bench_csv "IMPORT DATABASE '$work/csv'") s"
echo "Ferry import Parquet: $(seconds ferry ferry_bench_parquet "IMPORT DATABASE '$work/parquet'") s"
for d in ferry_bench_restore ferry_bench_csv ferry_bench_parquet; do
  echo "rows in $d: $(psql -qtA -h "$host" -p "$port" -U postgres -d "$d" -c 'SELECT count(*) FROM big')"
done
