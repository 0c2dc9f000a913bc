#!/usr/bin/env bash
# One run each of EXPORT DATABASE on one PostgreSQL table of 2,400,000 rows of six mixed columns (issue 13's chunked
# tables): JOBS 1, JOBS 2 with CHUNK_ROWS 0 (the table read whole on one connection), JOBS 2 with the default
# CHUNK_ROWS (1,000,000: three chunks) and JOBS 2 with CHUNK_ROWS 300000 (eight chunks); beside pg_dump -Fd -Z0 with
# -j 1 and -j 2 (pg_dump parallelises by table, so one table is dumped by one worker whatever -j says).
# Needs: a PostgreSQL server reachable as below (trust auth), psql and pg_dump on the PATH, driver/target/ferry.jar
# built (./mvnw -B -DskipTests package) and pgjdbc's jar in the local Maven repository.
# Usage: benchmarks/postgres-chunked-export.sh [host] [port]
set -euo pipefail
host=${1:-127.0.0.1}
port=${2:-5432}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/driver/target/ferry.jar"
pgjdbc=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -n 1)
work=$(mktemp -d)
db=ferry_bench_chunked
trap 'rm -rf "$work"; psql -q -h "$host" -p "$port" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null' EXIT

export PGOPTIONS='-c client_min_messages=warning'
sql() { psql -q -h "$host" -p "$port" -U postgres -d "$1" -c "$2" >/dev/null; }
seconds() { local start=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $start" | bc; }
ferry() { java -Xmx128m -jar "$jar" --driver "$pgjdbc" -u postgres "jdbc:postgresql://$host:$port/$db" -c "$1"; }

sql postgres "DROP DATABASE IF EXISTS $db"; sql postgres "CREATE DATABASE $db"
sql $db "CREATE TABLE big (id bigint PRIMARY KEY, name varchar(60) NOT NULL, amount numeric(14,2),
  at timestamp(6), flag boolean, note varchar(200));
  INSERT INTO big SELECT x, 'name ' || x || ' ' || repeat('x', x % 20), x * 1.01,
  timestamp '2020-01-01' + x * interval '1.000001 second', x % 2 = 0,
  CASE x % 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'a,\"b\"' || chr(10) || x END
  FROM generate_series(1, 2400000) x; ANALYZE big;"

echo "one table of 2,400,000 rows:"
echo "  pg_dump -Fd -Z0 -j 1:                    $(seconds pg_dump -h "$host" -p "$port" -U postgres -Fd -Z0 -j 1 -f "$work/dump1" $db) s"
echo "  pg_dump -Fd -Z0 -j 2:                    $(seconds pg_dump -h "$host" -p "$port" -U postgres -Fd -Z0 -j 2 -f "$work/dump2" $db) s"
echo "  Ferry EXPORT csv JOBS 1:                 $(seconds ferry "EXPORT DATABASE '$work/jobs1' (JOBS 1)") s"
echo "  Ferry EXPORT csv JOBS 2, CHUNK_ROWS 0:   $(seconds ferry "EXPORT DATABASE '$work/whole2' (JOBS 2, CHUNK_ROWS 0)") s"
echo "  Ferry EXPORT csv JOBS 2:                 $(seconds ferry "EXPORT DATABASE '$work/jobs2' (JOBS 2)") s"
echo "  Ferry EXPORT csv JOBS 2, CHUNK_ROWS 300000: $(seconds ferry "EXPORT DATABASE '$work/small2' (JOBS 2, CHUNK_ROWS 300000)") s"
for d in jobs1 whole2 jobs2 small2; do
  echo "  $d: $(ls "$work/$d" | grep -c '\.csv$') data file(s), $(cat "$work/$d"/*.csv | wc -l) lines"
done
