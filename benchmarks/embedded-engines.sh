#!/usr/bin/env bash
# One run of Ferry's EXPORT and IMPORT on the embedded engines (H2 2.x, HSQLDB, SQLite, each a file database) against
# what each engine offers itself, on two tables: big (ROWS rows: integer key, bigint, decimal(12,2), double,
# timestamp(6), date, char(36) UUIDs, varchar a third NULL and a third empty or quoted with a comma and a line break,
# boolean) and child (ROWS/4 rows: a foreign key to big, an index on it, varchar, timestamp).
#
# The rows are made in H2 with SQL; HSQLDB's and SQLite's source databases are Ferry's IMPORT of H2's CSV export (so
# every engine holds the same values, typed as Ferry translates them). Then, per engine: Ferry's EXPORT (csv and
# parquet) and IMPORT of each into a fresh database, every import checked by counting its rows; and the engine's own:
#   H2      SCRIPT TO / RUNSCRIPT FROM (fresh database); CSVWRITE / CREATE TABLE ... AS SELECT * FROM CSVREAD of big
#   HSQLDB  SCRIPT 'file' (the whole database as SQL), and a fresh database opened from it (HSQLDB's restore)
#   SQLite  the sqlite3 shell's .dump and its reload, .mode csv export and .import of big (where sqlite3 is installed;
#           Debian: apt-get install sqlite3)
# Every command runs as a user runs it: a whole JVM (Ferry's command line at FERRY_JAVA_OPTS, as ./ferry gives it),
# wall time and peak RSS by /usr/bin/time. The engines' own SQL statements run through the same command line (Ferry
# passes them to the engine), so both sides pay the JVM's start.
#
# Usage: benchmarks/embedded-engines.sh
# Environment (defaults in brackets):
#   ROWS [1000000]            rows of big
#   ENGINES ["h2 hsqldb sqlite"]
#   FERRY_JAVA_OPTS [-Xmx160m]
#   WORK [a new temp dir]     removed on exit unless KEEP_WORK=1
#   FERRY_JAR [driver/target/ferry.jar]; H2_JAR, HSQLDB_JAR, SQLITE_JAR [found in ~/.m2, versions from pom.xml]
# Needs: java 17, /usr/bin/time, driver/target/ferry.jar (./mvnw -B -DskipTests package).
set -euo pipefail
{ # The whole script is one block, read before it runs, so that editing the file does not change a run under way.

root=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${ROWS:-1000000}
ENGINES=${ENGINES:-h2 hsqldb sqlite}
read -r -a java_opts <<< "${FERRY_JAVA_OPTS--Xmx160m}"
jar=${FERRY_JAR:-$root/driver/target/ferry.jar}
version() { sed -n "s:.*<$1.version>\(.*\)</$1.version>.*:\1:p" "$root/pom.xml"; }
m2=~/.m2/repository
H2_JAR=${H2_JAR:-$m2/com/h2database/h2/$(version h2)/h2-$(version h2).jar}
HSQLDB_JAR=${HSQLDB_JAR:-$m2/org/hsqldb/hsqldb/$(version hsqldb)/hsqldb-$(version hsqldb).jar}
SQLITE_JAR=${SQLITE_JAR:-$m2/org/xerial/sqlite-jdbc/$(version sqlite-jdbc)/sqlite-jdbc-$(version sqlite-jdbc).jar}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 1; }
for f in "$jar" "$H2_JAR" "$HSQLDB_JAR" "$SQLITE_JAR"; do [ -f "$f" ] || { echo "missing: $f" >&2; exit 1; }; done
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
trap '[ "${KEEP_WORK:-}" = 1 ] || rm -rf "$WORK"' EXIT

driver() { case $1 in h2) echo "$H2_JAR" ;; hsqldb) echo "$HSQLDB_JAR" ;; sqlite) echo "$SQLITE_JAR" ;; esac; }
# A file database of the engine; HSQLDB's tables CACHED (on disk: MEMORY tables of a million rows fill the heap).
url() {
  case $1 in
    h2) echo "jdbc:h2:$WORK/$2" ;;
    hsqldb) echo "jdbc:hsqldb:file:$WORK/$2/db;hsqldb.default_table_type=cached;shutdown=true" ;;
    sqlite) echo "jdbc:sqlite:$WORK/$2.db" ;;
  esac
}
ferry() { local engine=$1 db=$2 opts; shift 2; read -r -a opts <<< "$FERRY_JAVA_OPTS"; java "${opts[@]}" -jar "$jar" --driver "$(driver "$engine")" "$(url "$engine" "$db")" "$@"; }
export -f driver url ferry
export jar H2_JAR HSQLDB_JAR SQLITE_JAR WORK FERRY_JAVA_OPTS="${java_opts[*]}"
# run ENGINE LABEL [--size PATH] COMMAND...: runs the command, prints its time and peak RSS (and the size of PATH);
# its output goes to $WORK/last.log, shown when it fails, which ends the script.
run() {
  local engine=$1 label=$2 path=""; shift 2
  if [ "$1" = --size ]; then path=$2; shift 2; fi
  if ! /usr/bin/time -f '%e %M' -o "$WORK/time" bash -c '"$@"' _ "$@" >"$WORK/last.log" 2>&1; then
    echo "FAILED: $engine $label" >&2; tail -n 20 "$WORK/last.log" >&2; exit 1
  fi
  local seconds kb
  read -r seconds kb < <(tail -n 1 "$WORK/time")
  report "$engine" "$label" "$seconds s, $((kb / 1024)) MB${path:+, $(size "$path") bytes}"
}
report() { printf '%-8s %-44s %s\n' "$1" "$2" "$3"; }
rows() { ferry "$1" "$2" -c "SELECT (SELECT COUNT(*) FROM child) + COUNT(*) AS n_rows FROM big" | sed -n 's/^| *\([0-9][0-9]*\) *|$/\1/p'; }
size() { du -sb "$1" | cut -f1; }

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -n 1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# Ferry $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $ROWS rows of big + $((ROWS / 4)) of child, ${java_opts[*]}"


ferry h2 h2_src -c "CREATE TABLE big (id INTEGER PRIMARY KEY, n BIGINT NOT NULL, amount DECIMAL(12,2),
    ratio DOUBLE PRECISION, created TIMESTAMP(6), born DATE, code CHAR(36), note VARCHAR(200), flag BOOLEAN);
  INSERT INTO big SELECT X, X * 1000003, X * 1.01, X / 7e0,
    DATEADD(MICROSECOND, X * 1000001, TIMESTAMP '2020-01-01 00:00:00'), DATEADD(DAY, MOD(X, 20000), DATE '1970-01-01'),
    CAST(RANDOM_UUID() AS CHAR(36)),
    CASE MOD(X, 3) WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'name ' || X || ', \"q\"' || CHAR(10) || REPEAT('x', MOD(X, 20)) END,
    MOD(X, 2) = 0 FROM SYSTEM_RANGE(1, $ROWS);
  CREATE TABLE child (id INTEGER PRIMARY KEY, big_id INTEGER NOT NULL REFERENCES big (id), label VARCHAR(40),
    created TIMESTAMP(6));
  INSERT INTO child SELECT X, MOD(X * 7, $ROWS) + 1, 'label ' || X, DATEADD(SECOND, X, TIMESTAMP '2021-06-01 12:00:00')
    FROM SYSTEM_RANGE(1, $((ROWS / 4)));
  CREATE INDEX child_big ON child (big_id)" >/dev/null
expected=$((ROWS + ROWS / 4))
[ "$(rows h2 h2_src)" = "$expected" ] || { echo "the H2 source does not hold $expected rows" >&2; exit 1; }
ferry h2 h2_src -c "EXPORT DATABASE '$WORK/seed'" >/dev/null 2>&1

for engine in $ENGINES; do
  if [ "$engine" != h2 ]; then
    run "$engine" "source: Ferry IMPORT of H2's CSV export" ferry "$engine" "${engine}_src" -c "IMPORT DATABASE '$WORK/seed'"
  fi
  for format in csv parquet; do
    run "$engine" "Ferry EXPORT $format" --size "$WORK/$engine.$format" ferry "$engine" "${engine}_src" -c "EXPORT DATABASE '$WORK/$engine.$format' (FORMAT $format)"
  done
  for format in csv parquet; do
    run "$engine" "Ferry IMPORT $format (fresh database)" ferry "$engine" "${engine}_$format" -c "IMPORT DATABASE '$WORK/$engine.$format'"
    n=$(rows "$engine" "${engine}_$format"); [ "$n" = "$expected" ] || { echo "$engine $format import: $n rows, not $expected" >&2; exit 1; }
  done
  case $engine in
    h2)
      run h2 "SCRIPT TO" --size "$WORK/h2.sql" ferry h2 h2_src -c "SCRIPT TO '$WORK/h2.sql'"
      run h2 "RUNSCRIPT FROM (fresh database)" ferry h2 h2_script -c "RUNSCRIPT FROM '$WORK/h2.sql'"
      run h2 "CALL CSVWRITE (big)" ferry h2 h2_src -c "CALL CSVWRITE('$WORK/h2-big.csv', 'SELECT * FROM big')"
      run h2 "CREATE TABLE AS SELECT * FROM CSVREAD (big)" ferry h2 h2_csvread -c "CREATE TABLE big (id INTEGER PRIMARY KEY,
        n BIGINT NOT NULL, amount DECIMAL(12,2), ratio DOUBLE PRECISION, created TIMESTAMP(6), born DATE, code CHAR(36),
        note VARCHAR(200), flag BOOLEAN) AS SELECT * FROM CSVREAD('$WORK/h2-big.csv')"
      n=$(rows h2 h2_script); [ "$n" = "$expected" ] || { echo "RUNSCRIPT: $n rows" >&2; exit 1; }
      ;;
    hsqldb)
      run hsqldb "SCRIPT 'file'" --size "$WORK/hsqldb.script" ferry hsqldb hsqldb_src -c "SCRIPT '$WORK/hsqldb.script'"
      mkdir -p "$WORK/hsqldb_script" && cp "$WORK/hsqldb.script" "$WORK/hsqldb_script/db.script"
      run hsqldb "open a fresh database from the script" ferry hsqldb hsqldb_script -c "CHECKPOINT"
      n=$(rows hsqldb hsqldb_script); [ "$n" = "$expected" ] || { echo "the script's database: $n rows" >&2; exit 1; }
      ;;
    sqlite)
      if command -v sqlite3 >/dev/null; then
        run sqlite "sqlite3 .dump ($(sqlite3 --version | cut -d' ' -f1))" --size "$WORK/sqlite.sql" sh -c "sqlite3 '$WORK/sqlite_src.db' .dump > '$WORK/sqlite.sql'"
        run sqlite "sqlite3 < dump (fresh database)" sh -c "sqlite3 '$WORK/sqlite_dump.db' < '$WORK/sqlite.sql'"
        n=$(rows sqlite sqlite_dump); [ "$n" = "$expected" ] || { echo "the dump's database: $n rows" >&2; exit 1; }
        run sqlite "sqlite3 .mode csv export (big)" sh -c "sqlite3 -csv -header '$WORK/sqlite_src.db' 'SELECT * FROM big' > '$WORK/sqlite-big.csv'"
        sqlite3 "$WORK/sqlite_src.db" ".schema big" | sqlite3 "$WORK/sqlite_shell.db"
        run sqlite "sqlite3 .import --csv --skip 1 (big)" sqlite3 "$WORK/sqlite_shell.db" ".import --csv --skip 1 $WORK/sqlite-big.csv big"
      else
        echo "sqlite   sqlite3 is not installed: no numbers of SQLite's own shell"
      fi
      ;;
  esac
done
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
exit 0
}
