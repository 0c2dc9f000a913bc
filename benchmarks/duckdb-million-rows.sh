#!/usr/bin/env bash
# One run of Ferry's IMPORT DATABASE into DuckDB against DuckDB's own EXPORT/IMPORT DATABASE, on 1,000,000 rows of
# nine mixed columns (integer key, bigint, decimal(12,2), double, timestamptz, date, uuid, text with NULLs, boolean).
# The rows are made by DuckDB in a file database, exported by Ferry (CSV and Parquet) and by DuckDB itself, and each
# export imported into a fresh DuckDB file; every import is checked against the source by a hash of all its rows.
# Needs: driver/target/ferry.jar built (./mvnw -B -DskipTests package) and DuckDB's JDBC jar in the local Maven
# repository (the version in pom.xml).
# Usage: benchmarks/duckdb-million-rows.sh [rows]; FERRY_JAR=... to time another build of Ferry, JFR=dir to record
# a flight recording of each of Ferry's runs into dir.
set -euo pipefail
rows=${1:-1000000}
here=$(cd "$(dirname "$0")/.." && pwd)
jar=${FERRY_JAR:-$here/driver/target/ferry.jar}
version=$(sed -n 's:.*<duckdb.version>\(.*\)</duckdb.version>.*:\1:p' "$here/pom.xml")
duckdb_jar=$(find ~/.m2/repository/org/duckdb/duckdb_jdbc/"$version" -name "duckdb_jdbc-$version.jar" | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

javac -d "$work/classes" "$here/benchmarks/DuckDb.java"
duck=(java -cp "$duckdb_jar:$work/classes" DuckDb)
ferry=(java -Xmx160m -jar "$jar" --driver "$duckdb_jar")
# Wall and CPU seconds (user + system, the JVM's threads and DuckDB's together): CPU moves less with the machine's load.
seconds() { /usr/bin/time -f '%e s, CPU %U+%S s' -o "$work/time" "$@" >/dev/null 2>&1; cat "$work/time"; }
# Ferry's command line, with a flight recording named $1 where JFR is set.
ferry() { local name=$1; shift
  seconds env JAVA_TOOL_OPTIONS="${JFR:+-XX:StartFlightRecording=filename=$JFR/$name.jfr,settings=profile}" \
    "${ferry[@]}" "$@"; }
# A hash of every row, in the key's order: equal where two tables hold the same values.
digest="SELECT count(*) || ' rows, hash ' || hash(list(b ORDER BY b.id)) FROM big b"
[[ -n ${JFR:-} ]] && mkdir -p "$JFR"

"${duck[@]}" "$work/source.duckdb" "CREATE TABLE big (id INTEGER PRIMARY KEY, n BIGINT, amount DECIMAL(12,2),
  ratio DOUBLE, happened TIMESTAMPTZ, day DATE, u UUID, note VARCHAR, flag BOOLEAN)" \
  "INSERT INTO big SELECT x, x * 1000003, (x * 1.01)::DECIMAL(12,2), x / 7.0,
  TIMESTAMPTZ '2020-01-01 00:00:00+00' + to_microseconds(x * 1000001), DATE '2000-01-01' + (x % 10000)::INTEGER,
  md5(x::VARCHAR)::UUID, CASE x % 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'a,\"b\"' || chr(10) || x END, x % 2 = 0
  FROM range(1, $rows + 1) t(x)"
source=$("${duck[@]}" "$work/source.duckdb" "$digest")
src="jdbc:duckdb:$work/source.duckdb"
echo "source:                 $source"
echo "DuckDB EXPORT csv:      $(seconds "${duck[@]}" "$work/source.duckdb" "EXPORT DATABASE '$work/duck-csv' (FORMAT csv)")"
echo "DuckDB EXPORT parquet:  $(seconds "${duck[@]}" "$work/source.duckdb" \
  "EXPORT DATABASE '$work/duck-parquet' (FORMAT parquet)")"
echo "Ferry EXPORT csv:       $(ferry export-csv "$src" -c "EXPORT DATABASE '$work/csv'")"
echo "Ferry EXPORT parquet:   $(ferry export-parquet "$src" -c "EXPORT DATABASE '$work/parquet' (FORMAT parquet)")"
echo "DuckDB IMPORT csv:      $(seconds "${duck[@]}" "$work/duck-csv.duckdb" "IMPORT DATABASE '$work/duck-csv'")"
echo "DuckDB IMPORT parquet:  $(seconds "${duck[@]}" "$work/duck-parquet.duckdb" "IMPORT DATABASE '$work/duck-parquet'")"
echo "Ferry IMPORT csv:       $(ferry import-csv "jdbc:duckdb:$work/csv.duckdb" -c "IMPORT DATABASE '$work/csv'")"
echo "Ferry IMPORT parquet:   $(ferry import-parquet "jdbc:duckdb:$work/parquet.duckdb" -c \
  "IMPORT DATABASE '$work/parquet'")"
for db in duck-csv duck-parquet csv parquet; do
  loaded=$("${duck[@]}" "$work/$db.duckdb" "$digest" 2>/dev/null || echo "nothing")
  [[ $loaded = "$source" ]] && echo "$db: the same rows" || echo "$db: DIFFERENT: $loaded"
done
