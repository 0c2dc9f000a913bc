#!/usr/bin/env bash
# IMPORT DATABASE of 1,000,000 MariaDB rows (bigint key, decimal(12,2), datetime(6), char(36) uuid, text with NULLs)
# through LOAD DATA LOCAL INFILE (the default) and through batched INSERTs (allowLocalInfile=false), alternating, with
# the mariadb client's own LOAD DATA of the same rows (one tab-separated file) for the server's share; each line gives
# wall time, the JVM's CPU time and peak RSS, and how many seconds a statement of the import waited for a lock (another
# session's FLUSH TABLES WITH READ LOCK stalls every writer on a shared server: such a run measures the wait).
# Needs: a MariaDB server reachable as root without a password (local_infile ON), the mariadb client on the PATH,
# driver/target/ferry.jar built (./mvnw -B -DskipTests package) and Connector/J's jar in the local Maven repository.
# Usage: benchmarks/mariadb-import-paths.sh [runs] [host] [port]
set -euo pipefail
runs=${1:-3}
host=${2:-127.0.0.1}
port=${3:-3306}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/driver/target/ferry.jar"
connectorj=$(find ~/.m2/repository/org/mariadb/jdbc/mariadb-java-client -name 'mariadb-java-client-*.jar' | sort | tail -n 1)
work=$(mktemp -d)
sql() { mariadb -h "$host" -P "$port" -uroot -N "${@:2}" -e "$1"; }
trap 'rm -rf "$work"; for d in ferry_bench_src ferry_bench_infile ferry_bench_inserts ferry_bench_client; do
        sql "DROP DATABASE IF EXISTS $d"; done' EXIT
table="(id BIGINT PRIMARY KEY, amount DECIMAL(12,2), at DATETIME(6), uuid CHAR(36), note TEXT NULL)"

sql "DROP DATABASE IF EXISTS ferry_bench_src; CREATE DATABASE ferry_bench_src; USE ferry_bench_src; CREATE TABLE big $table;
  INSERT INTO big SELECT seq, (seq * 7919 % 100000000) / 100,
  '2020-01-01 00:00:00.123456' + INTERVAL seq SECOND + INTERVAL (seq % 1000000) MICROSECOND, UUID(),
  IF(seq % 5 = 0, NULL, CONCAT('note number ', seq, ' with some text')) FROM seq_1_to_1000000"
java -jar "$jar" --driver "$connectorj" -u root "jdbc:mariadb://$host:$port/ferry_bench_src" \
  -c "EXPORT DATABASE '$work/export' (FORMAT csv, JOBS 1)" >/dev/null
sql "SELECT id, amount, at, uuid, IFNULL(note, '\\\\N') FROM ferry_bench_src.big" --raw -B > "$work/big.tsv"

for run in $(seq 1 "$runs"); do
  for path in infile inserts client; do
    db=ferry_bench_$path
    sql "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db"
    (while sleep 1; do sql "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '$db'
       AND STATE LIKE 'Waiting for%lock%'"; done > "$work/waits") &
    sampler=$!
    case $path in
      infile) /usr/bin/time -v java -jar "$jar" --driver "$connectorj" -u root "jdbc:mariadb://$host:$port/$db" \
                -c "IMPORT DATABASE '$work/export'" >/dev/null 2> "$work/time" ;;
      inserts) /usr/bin/time -v java -jar "$jar" --driver "$connectorj" -u root \
                "jdbc:mariadb://$host:$port/$db?allowLocalInfile=false" -c "IMPORT DATABASE '$work/export'" \
                >/dev/null 2> "$work/time" ;;
      client) sql "CREATE TABLE $db.big $table"
              /usr/bin/time -v mariadb --local-infile=1 -h "$host" -P "$port" -uroot "$db" -e "LOAD DATA LOCAL INFILE
                '$work/big.tsv' INTO TABLE big CHARACTER SET utf8mb4 (id, amount, at, uuid, note)" 2> "$work/time" ;;
    esac
    kill "$sampler"; wait "$sampler" 2>/dev/null || true
    echo "run $run $path: $(grep Elapsed "$work/time" | awk '{print $NF}') wall," \
      "$(grep -E 'User time|System time' "$work/time" | awk '{s += $NF} END {print s}') s CPU," \
      "$(grep 'Maximum resident' "$work/time" | awk '{print $NF}') KB peak RSS," \
      "$(sql "SELECT COUNT(*) FROM $db.big") rows, $(awk '$1 > 0' "$work/waits" | wc -l) s waiting for a lock," \
      "load $(cut -d' ' -f1 /proc/loadavg)"
    sql "DROP DATABASE $db"
  done
done
