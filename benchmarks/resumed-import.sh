#!/usr/bin/env bash
# IMPORT DATABASE (RESUME) against a fresh import: a MariaDB export of 4,000,000 rows (two tables, one in chunks of
# 500,000 rows, keys, an index, a foreign key) is imported whole, then imported again and killed (kill -9) at about
# half the whole import's time (or another fraction of it, or 2 s into its post-data script: `post-data`), then
# continued with RESUME. Prints each run's wall time and what the resume kept.
# Needs: a MariaDB server reachable as root without a password, the mariadb client on the PATH,
# driver/target/ferry.jar built (./mvnw -B -DskipTests package) and Connector/J's jar in the local Maven repository.
# Usage: benchmarks/resumed-import.sh [kill-fraction|post-data] [host] [port]
set -euo pipefail
fraction=${1:-0.5}
host=${2:-127.0.0.1}
port=${3:-3306}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/driver/target/ferry.jar"
connectorj=$(find ~/.m2/repository/org/mariadb/jdbc/mariadb-java-client -name 'mariadb-java-client-*.jar' | sort | tail -n 1)
work=$(mktemp -d)
sql() { mariadb -h "$host" -P "$port" -uroot -N "${@:2}" -e "$1"; }
trap 'rm -rf "$work"; for d in ferry_resume_src ferry_resume_whole ferry_resume_killed; do
        sql "DROP DATABASE IF EXISTS $d"; done' EXIT
ferry() { java -Xmx160m -jar "$jar" --driver "$connectorj" -u root "jdbc:mariadb://$host:$port/$1" -c "$2"; }
now() { date +%s.%N; }

sql "DROP DATABASE IF EXISTS ferry_resume_src; CREATE DATABASE ferry_resume_src; USE ferry_resume_src;
  CREATE TABLE customer (id BIGINT PRIMARY KEY, name VARCHAR(60) NOT NULL, city VARCHAR(40));
  INSERT INTO customer SELECT seq, CONCAT('customer ', seq), CONCAT('city ', seq % 500) FROM seq_1_to_1000000;
  CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES customer (id),
    amount DECIMAL(12,2), at DATETIME(6), note TEXT NULL);
  INSERT INTO orders SELECT seq, 1 + seq % 1000000, (seq * 7919 % 100000000) / 100,
    '2020-01-01 00:00:00.123456' + INTERVAL seq SECOND, IF(seq % 5 = 0, NULL, CONCAT('order note ', seq))
    FROM seq_1_to_3000000;
  CREATE INDEX orders_at ON orders (at)"
ferry ferry_resume_src "EXPORT DATABASE '$work/export' (FORMAT csv, CHUNK_ROWS 500000)" >/dev/null
echo "export: $(du -sh "$work/export" | cut -f1), $(ls "$work/export" | grep -c '\.csv$') data files"

sql "CREATE DATABASE ferry_resume_whole"
start=$(now)
ferry ferry_resume_whole "IMPORT DATABASE '$work/export'" >/dev/null
whole=$(echo "$(now) - $start" | bc)
echo "whole import: ${whole} s"

sql "CREATE DATABASE ferry_resume_killed"
ferry ferry_resume_killed "IMPORT DATABASE '$work/export'" >/dev/null 2>&1 &
pid=$!
if [ "$fraction" = post-data ]; then
  # Killed two seconds into the post-data script (indexes and keys), whenever that begins.
  until [ "$(sql "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'ferry_resume_killed'
      AND TABLE_NAME = 'ferry_import_journal'")" = 1 ] && [ "$(sql "SELECT COUNT(*)
      FROM ferry_resume_killed.ferry_import_journal WHERE entry = 'post-data begun'")" != 0 ]; do sleep 0.2; done
  sleep 2
  after="2 s into the post-data script"
else
  after=$(echo "$whole * $fraction" | bc)
  sleep "$after"
  after="${after} s"
fi
pkill -9 -f "ferry_resume_killed" || true
wait $pid 2>/dev/null || true
echo "killed after ${after}; the journal holds: $(sql "SELECT GROUP_CONCAT(CONCAT(entry, ' ', item) ORDER BY entry
  SEPARATOR '; ') FROM ferry_resume_killed.ferry_import_journal WHERE entry IN ('loaded', 'post-data begun', 'post-data done')")"
start=$(now)
ferry ferry_resume_killed "IMPORT DATABASE '$work/export' (RESUME)" 2>&1 >/dev/null | sed 's/^/  /'
resumed=$(echo "$(now) - $start" | bc)
echo "resumed import: ${resumed} s ($(echo "scale=2; $resumed / $whole" | bc)x the whole import)"
for t in customer orders; do
  a=$(sql "CHECKSUM TABLE ferry_resume_src.$t" | cut -f2); b=$(sql "CHECKSUM TABLE ferry_resume_killed.$t" | cut -f2)
  echo "$t: checksum source $a, resumed $b"
done
