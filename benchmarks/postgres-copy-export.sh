#!/usr/bin/env bash
# PostgreSQL CSV export through COPY TO STDOUT against the row-by-row path it replaces, on 1,000,000 rows of five
# columns (bigint key, numeric(12,2), timestamptz, uuid, text with NULLs), alternating, with pg_dump for scale.
# Each line: wall time, the table's time as Ferry reports it, the JVM's CPU, peak RSS, the load, and the data
# file's SHA-256 (the same on both paths).
# Needs: a PostgreSQL server reachable as below (trust auth), psql and pg_dump on the PATH, /usr/bin/time,
# driver/target/ferry.jar built (./mvnw -B -DskipTests package) and pgjdbc's jar in the local Maven repository.
# Usage: benchmarks/postgres-copy-export.sh [runs] [host] [port]
set -euo pipefail
runs=${1:-3}
host=${2:-127.0.0.1}
port=${3:-5432}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/driver/target/ferry.jar"
pgjdbc=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -n 1)
db=ferry_bench_copy
work=$(mktemp -d)
export PGOPTIONS='-c client_min_messages=warning'
psql() { command psql -q -h "$host" -p "$port" -U postgres "$@"; }
trap 'rm -rf "$work"; psql -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null' EXIT

psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
psql -d "$db" -c "CREATE TABLE big (id bigint PRIMARY KEY, amount numeric(12,2), at timestamptz, u uuid, note text)" \
  -c "INSERT INTO big SELECT x, (x * 1.01) % 10000000000,
        timestamptz '2020-01-01 00:00:00+00' + x * interval '1.000001 second', md5(x::text)::uuid,
        CASE x % 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'a,\"b\"' || chr(10) || 'note ' || x END
      FROM generate_series(1, 1000000) x" -c "VACUUM ANALYZE big" >/dev/null

export_once() { # label, JVM options
  local out="$work/$1"; rm -rf "$out"
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v java $2 -jar "$jar" --driver "$pgjdbc" -u postgres "jdbc:postgresql://$host:$port/$db" \
    -c "EXPORT DATABASE '$out' (JOBS 1)" > "$work/$1.out" 2> "$work/$1.time"
  local wall rss cpu table
  wall=$(grep "Elapsed (wall" "$work/$1.time" | awk '{print $NF}')
  rss=$(grep "Maximum resident" "$work/$1.time" | awk '{print $NF}')
  cpu=$(grep -E "User time|System time" "$work/$1.time" | awk '{s += $NF} END {print s}')
  table=$(cat "$work/$1.time" "$work/$1.out" | grep -o 'rows in [0-9.]* s' | head -1 | awk '{print $(NF-1)}')
  echo "$1: wall $wall, table ${table} s, JVM CPU ${cpu} s, peak RSS $((rss / 1024)) MB, load $load," \
    "sha256 $(sha256sum "$out/public.big.csv" | cut -c1-16)"
}
for i in $(seq 1 "$runs"); do
  export_once row-by-row "-Dferry.test.exportRowByRow=true"
  export_once copy ""
  rm -rf "$work/dump"; start=$(date +%s.%N)
  pg_dump -h "$host" -p "$port" -U postgres -Fd -Z0 -j 1 -f "$work/dump" "$db"
  echo "pg_dump -Fd -Z0 -j 1: wall $(echo "$(date +%s.%N) - $start" | bc) s"
done
