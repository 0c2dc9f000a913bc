#!/usr/bin/env bash
# One run of EXPORT and IMPORT DATABASE through Ferry on Spark (ferry-spark, Spark 3.5.8 in local mode with two
# executor threads) beside Ferry alone with JOBS 2, on one machine, PostgreSQL to PostgreSQL: 2,000,000 rows of six
# mixed columns (ROWS), one table split into chunks of 250,000 rows. On one machine Spark can only add its own cost;
# this measures that cost, not what many executors gain.
# Needs: a PostgreSQL server reachable as below (trust auth), psql on the PATH, built jars
# (./mvnw -B -DskipTests package: driver/target/ferry.jar, ferry-spark/target/ferry-spark.jar,
# spark-reader/target/spark.classpath, Spark's jars resolved) and pgjdbc's jar in the local Maven repository.
# Usage: ROWS=2000000 benchmarks/spark-local.sh [host] [port]
set -euo pipefail
host=${1:-127.0.0.1}
port=${2:-5432}
rows=${ROWS:-2000000}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/driver/target/ferry.jar"
pgjdbc=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -n 1)
spark_cp="$(cat "$here/spark-reader/target/spark.classpath"):$jar:$here/ferry-spark/target/ferry-spark.jar:$pgjdbc"
opens=""
for m in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$m=ALL-UNNAMED"
done
work=$(mktemp -d)
databases="ferry_bench_spark ferry_bench_spark_a ferry_bench_spark_b"
trap 'rm -rf "$work"; for d in $databases; do
        psql -q -h "$host" -p "$port" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null; done' EXIT

export PGOPTIONS='-c client_min_messages=warning'
sql() { psql -q -h "$host" -p "$port" -U postgres -d "$1" -c "$2" >/dev/null; }
seconds() { local start=$(date +%s.%N); "$@" >/dev/null 2>"$work/last.err" || { cat "$work/last.err" >&2; exit 1; }
            echo "$(date +%s.%N) - $start" | bc; }
ferry() { java -Xmx512m -jar "$jar" --driver "$pgjdbc" -u postgres "jdbc:postgresql://$host:$port/$1" -c "$2"; }
on_spark() { java -Xmx1g $opens -Dspark.master='local[2]' -Dspark.ui.enabled=false -cp "$spark_cp" \
               dev.ferry.spark.FerrySpark --url "jdbc:postgresql://$host:$port/$1" --user postgres "$2"; }

for d in $databases; do sql postgres "DROP DATABASE IF EXISTS $d"; sql postgres "CREATE DATABASE $d"; done
sql ferry_bench_spark "CREATE TABLE orders (id bigint PRIMARY KEY, name varchar(60) NOT NULL, amount numeric(14,2),
  at timestamp(6), flag boolean, note varchar(200));
  INSERT INTO orders SELECT x, 'name ' || x || ' ' || repeat('x', x % 20), x * 1.01,
  timestamp '2020-01-01' + x * interval '1.000001 second', x % 2 = 0,
  CASE x % 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'a,\"b\"' || chr(10) || x END FROM generate_series(1, $rows) x"
sql ferry_bench_spark "VACUUM ANALYZE orders"

options="FORMAT parquet, CHUNK_ROWS 250000"
echo "$rows rows, ($options)"
echo "  Ferry EXPORT JOBS 2:        $(seconds ferry ferry_bench_spark "EXPORT DATABASE '$work/ferry' ($options, JOBS 2)") s"
echo "  FerrySpark EXPORT local[2]: $(seconds on_spark ferry_bench_spark "EXPORT DATABASE '$work/spark' ($options)") s"
echo "  Ferry IMPORT JOBS 2:        $(seconds ferry ferry_bench_spark_a "IMPORT DATABASE '$work/ferry' (JOBS 2)") s"
echo "  FerrySpark IMPORT local[2]: $(seconds on_spark ferry_bench_spark_b "IMPORT DATABASE '$work/spark'") s"
for f in $(cd "$work/ferry" && find data -type f | sort); do
  cmp -s "$work/ferry/$f" "$work/spark/$f" || echo "  differs: $f"
done
echo "  data files compared byte for byte: $(cd "$work/ferry" && find data -type f | wc -l)"
