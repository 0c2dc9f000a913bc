#!/usr/bin/env bash
# Ferry against the engines' own tools, side by side (issue 13's benchmark; docs/speed.md says how to read it).
#
# Usage: benchmarks/compare.sh [--out FILE.md] [--memory]
#
# Compare mode (the default) builds a mixed data set on PostgreSQL: orders (4/5 of ROWS: bigint key, two foreign
# keys, timestamptz, numeric, integer, uuid, text with NULLs and empty strings; an index on customer_id),
# customers (1/5 of ROWS: text with NULLs, timestamptz, numeric, uuid) and products (1,000 rows), vacuumed and
# analyzed; the same rows on MariaDB, generated there with SQL. Then, for each N in JOBS_LIST, R times, alternating
# tool and Ferry, each timed with its peak RSS (/usr/bin/time, the largest single process; Ferry with ./ferry's JVM
# options):
#   PostgreSQL  pg_dump -Fd -Z0 -j N      vs  EXPORT DATABASE 'dir' (FORMAT csv, JOBS N) and (FORMAT parquet, JOBS N)
#               pg_restore -j N (fresh db) vs  IMPORT DATABASE 'dir' of each (fresh db)
#   MariaDB     mariadb-dump --single-transaction --quick (N = 1) and mydumper -t N (if installed)
#                                          vs  EXPORT DATABASE ... (JOBS N), csv and parquet
#               mariadb < dump.sql, myloader -t N (fresh db)  vs  IMPORT DATABASE (fresh db)
#   DuckDB      its own EXPORT DATABASE (csv, parquet) and IMPORT DATABASE, threads = N, of the same rows (loaded
#               once from a Ferry export written with DIALECT duckdb), for scale.
# Every import is checked by counting its rows. It prints each median, the ratio Ferry/tool, peak RSS and the
# files' sizes, and writes them as markdown tables, with the machine, to FILE.md (default:
# ./compare-results-<date>.md).
#
# --memory: Ferry's peak RSS and time exporting (CSV and Parquet, JOBS 1 and 2) and importing one PostgreSQL table
# of each size in MEM_ROWS; R defaults to 1 there.
#
# Environment (defaults in brackets):
#   ROWS [5000000]           rows of the compare data set (at least 5,000)
#   R [3]                    runs of each measurement; the median is reported
#   JOBS_LIST ["1 <cores>"]  the N to run
#   ENGINES ["postgres mariadb duckdb"]
#   IMPORT_JOBS [1]          0: IMPORT DATABASE without (JOBS N), on one connection
#   FERRY_JAVA_OPTS [-Xmx160m]  the JVM options of Ferry's command line, as ./ferry gives them (empty: the JVM's
#                            defaults, whose heap is a quarter of the machine's memory)
#   MEM_ROWS ["1000000 10000000"]  table sizes of --memory
#   MYDUMPER_ROWS []         mydumper -r: split tables into chunks of this many rows (myloader 0.10 then hit lock
#                            wait timeouts loading two chunks of one table at once, at 5M rows); unset: by table
#   DB_PREFIX [ferry_bench_] prefix of every database created (and dropped on exit)
#   WORK [a new temp dir]    where dumps and exports are written (about 3× the CSV export's size); removed on exit
#                            unless KEEP_WORK=1
#   PGHOST [127.0.0.1] PGPORT [5432] PGUSER [postgres] PGPASSWORD
#   MYHOST [127.0.0.1] MYPORT [3306] MYUSER [root] MYPASSWORD
#   FERRY_JAR [driver/target/ferry.jar]; PG_JAR, MARIADB_JAR, DUCKDB_JAR [found in ~/.m2, versions from pom.xml]
#
# Needs: java 17, /usr/bin/time (Debian: apt-get install time), psql, pg_dump, pg_restore, mariadb, mariadb-dump;
# mydumper/myloader are optional (Debian: apt-get install mydumper). Build the jar first: ./mvnw -B -DskipTests package
set -euo pipefail
{ # The whole script is one block, read before it runs, so that editing the file does not change a run under way.

root=$(cd "$(dirname "$0")/.." && pwd)
started=$(date -u '+%Y-%m-%d %H:%M UTC')

die() { echo "compare.sh: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

mode=compare
out=""
while (($#)); do
  case $1 in
    --memory) mode=memory ;;
    --out) (($# > 1)) || die "--out needs a file name"; out=$2; shift ;;
    --out=*) out=${1#--out=} ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
  shift
done
out=${out:-$PWD/compare-results-$(date -u +%Y%m%d-%H%M).md}

cores=$(nproc)
ROWS=${ROWS:-5000000}
if [[ $mode = memory ]]; then R=${R:-1}; else R=${R:-3}; fi
JOBS_LIST=${JOBS_LIST:-$( ((cores > 1)) && echo "1 $cores" || echo 1)}
ENGINES=${ENGINES:-postgres mariadb duckdb}
IMPORT_JOBS=${IMPORT_JOBS:-1}
read -r -a ferry_java <<< "${FERRY_JAVA_OPTS--Xmx160m}"
MEM_ROWS=${MEM_ROWS:-1000000 10000000}
DB_PREFIX=${DB_PREFIX:-ferry_bench_}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
MYHOST=${MYHOST:-127.0.0.1} MYPORT=${MYPORT:-3306} MYUSER=${MYUSER:-root} MYPASSWORD=${MYPASSWORD:-}
export PGHOST PGPORT PGUSER PGOPTIONS='-c client_min_messages=warning'
[[ -n $MYPASSWORD ]] && export MYSQL_PWD=$MYPASSWORD

[[ $ROWS =~ ^[0-9]+$ ]] && ((ROWS >= 5000)) || die "ROWS must be a number of at least 5000, not '$ROWS'"
[[ $R =~ ^[1-9][0-9]*$ ]] || die "R must be a positive number, not '$R'"
for n in $JOBS_LIST; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "JOBS_LIST holds '$n', not a positive number"; done
for n in $MEM_ROWS; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "MEM_ROWS holds '$n', not a positive number"; done
[[ $DB_PREFIX =~ ^[a-z_][a-z0-9_]*$ ]] || die "DB_PREFIX must be lower-case letters, digits and _, not '$DB_PREFIX'"
has_engine() { [[ " $ENGINES " == *" $1 "* ]]; }
for e in $ENGINES; do [[ $e =~ ^(postgres|mariadb|duckdb)$ ]] || die "unknown engine '$e' in ENGINES"; done

# --- tools and jars -----------------------------------------------------------------------------------------------
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is not on the PATH ($2)"; }
need java "a JDK 17"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (Debian: apt-get install time); it measures peak RSS"
need awk "awk"
if has_engine postgres || has_engine duckdb || [[ $mode = memory ]]; then
  for t in psql pg_dump pg_restore; do need $t "PostgreSQL's client tools (Debian: postgresql-client)"; done
fi
if has_engine mariadb && [[ $mode = compare ]]; then
  for t in mariadb mariadb-dump; do need $t "MariaDB's client tools (Debian: mariadb-client)"; done
fi
has_mydumper=0
command -v mydumper >/dev/null 2>&1 && command -v myloader >/dev/null 2>&1 && has_mydumper=1

FERRY_JAR=${FERRY_JAR:-$root/driver/target/ferry.jar}
[[ -f $FERRY_JAR ]] || die "$FERRY_JAR is missing: build it with ./mvnw -B -DskipTests package"
pom_version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -n 1; }
m2_jar() { # <group dir> <artifact> <version property>: the version pom.xml names, else the newest in ~/.m2
  local dir=$HOME/.m2/repository/$1 v f
  v=$(pom_version "$3")
  f=$dir/$v/$2-$v.jar
  [[ -n $v && -f $f ]] || f=$(ls "$dir"/*/"$2"-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | sort -V | tail -n 1)
  [[ -n $f && -f $f ]] || return 1
  echo "$f"
}
find_jar() { # <variable> <group dir> <artifact> <version property>
  local j=${!1:-}
  [[ -n $j ]] || j=$(m2_jar "$2" "$3" "$4") ||
    die "no $3 jar in ~/.m2/repository/$2 (./mvnw -B -DskipTests package fetches it) and $1 is not set"
  [[ -f $j ]] || die "$1=$j does not exist"
  printf -v "$1" '%s' "$j"
}
if has_engine postgres || has_engine duckdb || [[ $mode = memory ]]; then
  find_jar PG_JAR org/postgresql/postgresql postgresql postgresql.version
fi
if has_engine mariadb && [[ $mode = compare ]]; then
  find_jar MARIADB_JAR org/mariadb/jdbc/mariadb-java-client mariadb-java-client mariadb.version
fi
if has_engine duckdb && [[ $mode = compare ]]; then
  find_jar DUCKDB_JAR org/duckdb/duckdb_jdbc duckdb_jdbc duckdb.version
fi

# --- work directory, databases and cleanup on every exit ----------------------------------------------------------
if [[ -n ${WORK:-} ]]; then mkdir -p "$WORK"; work=$(mktemp -d "$WORK/compare.XXXXXX"); else work=$(mktemp -d); fi
pg_dbs=() my_dbs=() reported=0
declare -A times rss bytes label
pg() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
my() { mariadb -h "$MYHOST" -P "$MYPORT" -u "$MYUSER" --batch --skip-column-names "$@"; }
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  ((reported)) || [[ -z ${!times[*]} ]] || { echo; echo "(interrupted or failed: the results so far)"; report; }
  local db
  for db in "${pg_dbs[@]}"; do pg -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1; done
  for db in "${my_dbs[@]}"; do my -e "DROP DATABASE IF EXISTS \`$db\`" >/dev/null 2>&1; done
  if [[ ${KEEP_WORK:-0} = 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_fresh() { # drops and creates a PostgreSQL database, remembered for the cleanup
  pg -d postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\""
  [[ " ${pg_dbs[*]} " == *" $1 "* ]] || pg_dbs+=("$1")
}
pg_drop() { pg -d postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)"; }
my_fresh() {
  my -e "DROP DATABASE IF EXISTS \`$1\`; CREATE DATABASE \`$1\`"
  [[ " ${my_dbs[*]} " == *" $1 "* ]] || my_dbs+=("$1")
}
my_drop() { my -e "DROP DATABASE IF EXISTS \`$1\`"; }

# Ferry's command line, as ./ferry runs it (FERRY_JAVA_OPTS).
ferry_pg=(java "${ferry_java[@]}" -jar "$FERRY_JAR" --driver "${PG_JAR:-}" -u "$PGUSER")
[[ -n ${PGPASSWORD:-} ]] && ferry_pg+=("-p=$PGPASSWORD")
ferry_my=(java "${ferry_java[@]}" -jar "$FERRY_JAR" --driver "${MARIADB_JAR:-}" -u "$MYUSER")
[[ -n $MYPASSWORD ]] && ferry_my+=("-p=$MYPASSWORD")
my_tool_auth=(-h "$MYHOST" -P "$MYPORT" -u "$MYUSER")
[[ -n $MYPASSWORD ]] && my_tool_auth+=(-p "$MYPASSWORD")
pg_url() { echo "jdbc:postgresql://$PGHOST:$PGPORT/$1"; }
my_url() { echo "jdbc:mariadb://$MYHOST:$MYPORT/$1"; }
import_sql() { # <dir> <N>
  if [[ $IMPORT_JOBS = 1 ]]; then echo "IMPORT DATABASE '$1' (JOBS $2)"; else echo "IMPORT DATABASE '$1'"; fi
}
import_label() { if [[ $IMPORT_JOBS = 1 ]]; then echo "IMPORT $1 (JOBS $2)"; else echo "IMPORT $1 (no JOBS)"; fi; }

# --- measuring ----------------------------------------------------------------------------------------------------
# Results by key "engine|operation|N|side": wall seconds and peak RSS in kB of each run ("fail" for a failed one),
# the files' bytes of the last run, and a label (declared above, for the cleanup).
comparisons=() notes=() runs=0 failures=0 last_ok=0
load() { cut -d ' ' -f 1-3 /proc/loadavg; }
section() { echo; echo "== $* (load average $(load))"; }

measure() { # <key> <label> <command>...: runs the command once under /usr/bin/time, records its wall time and RSS
  local key=$1 text=$2 log secs kb
  shift 2
  label[$key]=$text
  runs=$((runs + 1))
  log=$work/logs/$runs.log
  mkdir -p "$work/logs"
  printf '  %-58s' "$text"
  if /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" >"$log" 2>&1; then
    read -r secs kb < <(tail -n 1 "$work/time.out")
    times[$key]+="$secs "
    rss[$key]+="$kb "
    printf '%8.2f s %7d MB   (load %s)\n' "$secs" $((kb / 1024)) "$(load)"
    last_ok=1
  else
    last_ok=0
    times[$key]+="fail "
    failures=$((failures + 1))
    echo "   FAILED; the end of its output:"
    tail -n 8 "$log" | sed 's/^/      | /'
    notes+=("$text failed once: $(grep -v '^\s*$' "$log" | grep -m 1 -i -e error -e exception -e failed | cut -c 1-200)")
    return 1
  fi
}
record_size() { # <key> <path>...
  local key=$1 b
  shift
  b=$(du -scb "$@" | tail -n 1 | cut -f 1) || b=""
  bytes[$key]=$b
}
check_rows() { # <what> <expected> <actual>: after a run that succeeded
  ((last_ok)) || return 0
  if [[ $3 != "$2" ]]; then
    echo "      WARNING: $1 holds ${3:-no} rows, expected $2"
    notes+=("$1 held ${3:-no} rows, expected $2")
  fi
}
pg_rows() { psql -X -qtA -d "$1" -c "SELECT $2" 2>/dev/null || true; }
my_rows() { my -D "$1" -e "SELECT $2" 2>/dev/null || true; }

median() { # of the numbers among the words given; "failed" if none
  tr ' ' '\n' <<<"$*" | grep -E '^[0-9.]+$' | sort -g |
    awk '{ a[NR] = $1 } END { if (NR == 0) print "failed"; else if (NR % 2) printf "%.2f", a[(NR + 1) / 2];
                               else printf "%.2f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
peak_mb() { tr ' ' '\n' <<<"$*" | grep -E '^[0-9]+$' | sort -n | awk '{ m = $1 } END { if (NR) printf "%d", m / 1024; else print "–" }'; }
mb() { [[ -n ${1:-} ]] && awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }' || echo "–"; }
ratio() { awk -v f="$1" -v t="$2" 'BEGIN { if (f + 0 > 0 && t + 0 > 0) printf "%.2f×", f / t; else print "–" }'; }
runs_of() { local n; n=$(tr ' ' '\n' <<<"${times[$1]:-}" | grep -c -E '^[0-9.]+$' || true); echo "$n"; }

# --- the data set -------------------------------------------------------------------------------------------------
products=1000
customers=$((ROWS / 5))
orders=$((ROWS - customers))
total=$((orders + customers + products))
count_sql="(SELECT count(*) FROM orders) + (SELECT count(*) FROM customers) + (SELECT count(*) FROM products)"

# The same values on both engines: uuids from md5 with the version-4 and variant bits set (MariaDB refuses others).
pg_build() { # <db> <with foreign keys: 1|0> <orders> <customers>
  local fk=$2 o=$3 c=$4
  pg -d "$1" <<SQL
CREATE TABLE products (id integer PRIMARY KEY, name text NOT NULL, price numeric(10,2) NOT NULL);
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text, created_at timestamptz NOT NULL,
  balance numeric(12,2), ext_id uuid NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, product_id integer NOT NULL,
  ordered_at timestamptz NOT NULL, amount numeric(12,2) NOT NULL, quantity integer NOT NULL, ref uuid NOT NULL,
  note text);
INSERT INTO products SELECT x, 'product ' || x, 1 + (x % 5000) / 100.0 FROM generate_series(1, $products) x;
INSERT INTO customers SELECT x, 'customer ' || x,
  CASE WHEN x % 10 = 0 THEN NULL ELSE 'c' || x || '@example.com' END,
  timestamptz '2020-01-01 00:00:00+00' + x * interval '7 seconds', (x % 100000) / 100.0 - 300,
  (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
  FROM generate_series(1::bigint, $c) x, LATERAL (SELECT md5('c' || x) AS h) m;
INSERT INTO orders SELECT x, 1 + (x * 7919) % $c, 1 + x % $products,
  timestamptz '2021-01-01 00:00:00+00' + x * interval '3 seconds' + (x % 1000000) * interval '1 microsecond',
  ((x * 37) % 1000000) / 100.0, 1 + x % 9,
  (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid,
  CASE x % 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'note "' || x || '", with a comma' END
  FROM generate_series(1::bigint, $o) x, LATERAL (SELECT md5('o' || x) AS h) m;
$( ((fk)) && echo "ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers,
  ADD FOREIGN KEY (product_id) REFERENCES products;" )
CREATE INDEX orders_customer_idx ON orders (customer_id);
VACUUM (FREEZE, ANALYZE);
SQL
}

my_build() { # <db>
  local a b step=1000000
  my -D "$1" -e "
CREATE TABLE products (id int PRIMARY KEY, name varchar(100) NOT NULL, price decimal(10,2) NOT NULL);
CREATE TABLE customers (id bigint PRIMARY KEY, name varchar(100) NOT NULL, email varchar(100),
  created_at datetime(6) NOT NULL, balance decimal(12,2), ext_id uuid NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, product_id int NOT NULL,
  ordered_at datetime(6) NOT NULL, amount decimal(12,2) NOT NULL, quantity int NOT NULL, ref uuid NOT NULL,
  note text);
INSERT INTO products SELECT seq, CONCAT('product ', seq), 1 + (seq % 5000) / 100 FROM seq_1_to_$products;"
  for ((a = 1; a <= customers; a += step)); do
    b=$((a + step - 1 < customers ? a + step - 1 : customers))
    my -D "$1" -e "INSERT INTO customers SELECT seq, CONCAT('customer ', seq),
  IF(seq % 10 = 0, NULL, CONCAT('c', seq, '@example.com')),
  TIMESTAMP'2020-01-01 00:00:00' + INTERVAL seq * 7 SECOND, (seq % 100000) / 100 - 300,
  CONCAT(SUBSTR(h, 1, 12), '4', SUBSTR(h, 14, 3), '8', SUBSTR(h, 18, 15))
  FROM (SELECT seq, MD5(CONCAT('c', seq)) AS h FROM seq_${a}_to_${b}) s"
  done
  for ((a = 1; a <= orders; a += step)); do
    b=$((a + step - 1 < orders ? a + step - 1 : orders))
    my -D "$1" -e "INSERT INTO orders SELECT seq, 1 + (seq * 7919) % $customers, 1 + seq % $products,
  TIMESTAMP'2021-01-01 00:00:00' + INTERVAL seq * 3 SECOND + INTERVAL seq % 1000000 MICROSECOND,
  ((seq * 37) % 1000000) / 100, 1 + seq % 9,
  CONCAT(SUBSTR(h, 1, 12), '4', SUBSTR(h, 14, 3), '8', SUBSTR(h, 18, 15)),
  CASE seq % 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE CONCAT('note \"', seq, '\", with a comma') END
  FROM (SELECT seq, MD5(CONCAT('o', seq)) AS h FROM seq_${a}_to_${b}) s"
  done
  my -D "$1" -e "SET SESSION foreign_key_checks = 0;
ALTER TABLE orders ADD INDEX orders_customer_idx (customer_id),
  ADD FOREIGN KEY (customer_id) REFERENCES customers (id), ADD FOREIGN KEY (product_id) REFERENCES products (id);
ANALYZE TABLE products, customers, orders;" >/dev/null
}

# --- PostgreSQL ---------------------------------------------------------------------------------------------------
pg_src=${DB_PREFIX}pg_src
pg_source_built=0
pg_source() {
  ((pg_source_built)) && return 0
  section "PostgreSQL: building $pg_src, $(printf "%'d" $total) rows (orders $orders, customers $customers, products $products)"
  local t0=$SECONDS
  pg_fresh "$pg_src"
  pg_build "$pg_src" 1 "$orders" "$customers"
  echo "  built in $((SECONDS - t0)) s; $(pg_rows "$pg_src" "pg_size_pretty(pg_database_size(current_database()))") on disk"
  pg_source_built=1
}

bench_postgres() {
  pg_source
  local n r d f t k
  for n in $JOBS_LIST; do
    comparisons+=("pg|export|$n|tool|csv" "pg|export|$n|tool|parquet" "pg|import|$n|tool|csv"
      "pg|import|$n|tool|parquet")
    for ((r = 1; r <= R; r++)); do
      section "PostgreSQL, N = $n, run $r of $R"
      d=$work/pg-$n
      rm -rf "$d"; mkdir -p "$d"
      k="pg|export|$n|tool"
      measure "$k" "pg_dump -Fd -Z0 -j $n" pg_dump -Fd -Z0 -j "$n" -f "$d/dump" "$pg_src" && record_size "$k" "$d/dump" || true
      for f in csv parquet; do
        k="pg|export|$n|$f"
        measure "$k" "EXPORT (FORMAT $f, JOBS $n)" "${ferry_pg[@]}" "$(pg_url "$pg_src")" \
          -c "EXPORT DATABASE '$d/$f' (FORMAT $f, JOBS $n)" && record_size "$k" "$d/$f" || true
      done
      t=${DB_PREFIX}pg_target
      pg_fresh "$t"
      measure "pg|import|$n|tool" "pg_restore -j $n" pg_restore -j "$n" -d "$t" "$d/dump" || true
      check_rows "pg_restore -j $n's database" "$total" "$(pg_rows "$t" "$count_sql")"
      for f in csv parquet; do
        pg_fresh "$t"
        measure "pg|import|$n|$f" "$(import_label "$f" "$n")" "${ferry_pg[@]}" "$(pg_url "$t")" \
          -c "$(import_sql "$d/$f" "$n")" || true
        check_rows "IMPORT $f (N = $n)'s database" "$total" "$(pg_rows "$t" "$count_sql")"
      done
      pg_drop "$t"
    done
    rm -rf "$d"
  done
}

# --- MariaDB ------------------------------------------------------------------------------------------------------
bench_mariadb() {
  local src=${DB_PREFIX}my_src t=${DB_PREFIX}my_target n r d f k op tools tool t0
  section "MariaDB: building $src, $(printf "%'d" $total) rows"
  t0=$SECONDS
  my_fresh "$src"
  my_build "$src"
  echo "  built in $((SECONDS - t0)) s"
  ((has_mydumper)) || notes+=("mydumper/myloader are not installed: MariaDB ran against mariadb-dump alone")
  for n in $JOBS_LIST; do
    # mariadb-dump has no parallelism: it runs at N = 1, and at N > 1 only where mydumper is missing.
    tools=()
    if [[ $n = 1 ]] || ((!has_mydumper)); then tools+=(dump); fi
    if ((has_mydumper)); then tools+=(mydumper); fi
    for op in export import; do
      for tool in "${tools[@]}"; do
        for f in csv parquet; do comparisons+=("my|$op|$n|$tool|$f"); done
      done
    done
    for ((r = 1; r <= R; r++)); do
      section "MariaDB, N = $n, run $r of $R"
      d=$work/my-$n
      rm -rf "$d"; mkdir -p "$d"
      for tool in "${tools[@]}"; do
        k="my|export|$n|$tool"
        if [[ $tool = dump ]]; then
          measure "$k" "mariadb-dump --single-transaction --quick" mariadb-dump "${my_tool_auth[@]}" \
            --single-transaction --quick -r "$d/dump.sql" "$src" && record_size "$k" "$d/dump.sql" || true
        else
          measure "$k" "mydumper -t $n${MYDUMPER_ROWS:+ -r $MYDUMPER_ROWS}" mydumper "${my_tool_auth[@]}" \
            -B "$src" -o "$d/mydumper" -t "$n" ${MYDUMPER_ROWS:+-r "$MYDUMPER_ROWS"} --trx-consistency-only &&
            record_size "$k" "$d/mydumper" || true
        fi
      done
      for f in csv parquet; do
        k="my|export|$n|$f"
        measure "$k" "EXPORT (FORMAT $f, JOBS $n)" "${ferry_my[@]}" "$(my_url "$src")" \
          -c "EXPORT DATABASE '$d/$f' (FORMAT $f, JOBS $n)" && record_size "$k" "$d/$f" || true
      done
      for tool in "${tools[@]}"; do
        my_fresh "$t"
        if [[ $tool = dump ]]; then
          measure "my|import|$n|dump" "mariadb < dump.sql" \
            bash -c 'exec mariadb "${@:2}" < "$1"' - "$d/dump.sql" "${my_tool_auth[@]}" "$t" || true
        else
          measure "my|import|$n|mydumper" "myloader -t $n" myloader "${my_tool_auth[@]}" -d "$d/mydumper" \
            -B "$t" -t "$n" || true
        fi
        check_rows "$tool's reload (N = $n)" "$total" "$(my_rows "$t" "$count_sql")"
      done
      for f in csv parquet; do
        my_fresh "$t"
        measure "my|import|$n|$f" "$(import_label "$f" "$n")" "${ferry_my[@]}" "$(my_url "$t")" \
          -c "$(import_sql "$d/$f" "$n")" || true
        check_rows "IMPORT $f (N = $n)'s database" "$total" "$(my_rows "$t" "$count_sql")"
      done
      my_drop "$t"
    done
    rm -rf "$d"
  done
  my_drop "$src"
}

# --- DuckDB, for scale --------------------------------------------------------------------------------------------
bench_duckdb() {
  pg_source
  local classes=$work/classes d=$work/duck n r f src=$work/duck/source.duckdb k
  mkdir -p "$classes" "$d"
  javac -d "$classes" "$root/benchmarks/DuckDb.java" || die "could not compile benchmarks/DuckDb.java"
  local duck=(java -cp "$DUCKDB_JAR:$classes" DuckDb)
  section "DuckDB: loading the same rows (a Ferry export of $pg_src written with DIALECT duckdb, DuckDB's own IMPORT)"
  measure "duck|prepare|1|ferry" "Ferry EXPORT (FORMAT parquet, DIALECT duckdb)" "${ferry_pg[@]}" \
    "$(pg_url "$pg_src")" -c "EXPORT DATABASE '$d/from-pg' (FORMAT parquet, DIALECT duckdb)" ||
    { notes+=("DuckDB skipped: Ferry's DIALECT duckdb export failed"); return 0; }
  measure "duck|prepare|1|import" "DuckDB IMPORT of that export" "${duck[@]}" "$src" \
    "IMPORT DATABASE '$d/from-pg'" || { notes+=("DuckDB skipped: DuckDB could not import Ferry's export"); return 0; }
  rm -rf "$d/from-pg"
  for n in $JOBS_LIST; do
    for ((r = 1; r <= R; r++)); do
      section "DuckDB, threads = $n, run $r of $R"
      for f in csv parquet; do
        rm -rf "$d/$f" "$d/$f.duckdb"
        k="duck|export|$n|$f"
        measure "$k" "DuckDB EXPORT (FORMAT $f)" "${duck[@]}" "$src" "SET threads = $n" \
          "EXPORT DATABASE '$d/$f' (FORMAT $f)" && record_size "$k" "$d/$f" || true
        measure "duck|import|$n|$f" "DuckDB IMPORT ($f)" "${duck[@]}" "$d/$f.duckdb" "SET threads = $n" \
          "IMPORT DATABASE '$d/$f'" || true
        check_rows "DuckDB's import of its $f export" "$total" \
          "$("${duck[@]}" "$d/$f.duckdb" "SELECT $count_sql" 2>/dev/null || true)"
        rm -rf "$d/$f" "$d/$f.duckdb"
      done
    done
  done
}

# --- memory -------------------------------------------------------------------------------------------------------
bench_memory() {
  local rows src=${DB_PREFIX}mem_src t=${DB_PREFIX}mem_target f j d k jobs_import n
  jobs_import=1
  [[ $IMPORT_JOBS = 1 ]] && jobs_import="1 2"
  for rows in $MEM_ROWS; do
    section "Memory: one PostgreSQL table (orders' columns) of $(printf "%'d" "$rows") rows"
    pg_fresh "$src"
    # One table: customers and products are built small and dropped; orders gets no foreign key.
    pg_build "$src" 0 "$rows" 1000
    pg -d "$src" -c "DROP TABLE customers, products"
    for ((n = 1; n <= R; n++)); do
      for f in csv parquet; do
        for j in 1 2; do
          d=$work/mem-$f-$j
          rm -rf "$d"
          k="mem|$rows|export $f|$j"
          measure "$k" "EXPORT (FORMAT $f, JOBS $j)" "${ferry_pg[@]}" "$(pg_url "$src")" \
            -c "EXPORT DATABASE '$d' (FORMAT $f, JOBS $j)" && record_size "$k" "$d" || true
        done
        for j in $jobs_import; do
          pg_fresh "$t"
          measure "mem|$rows|import $f|$j" "$(import_label "$f" "$j")" "${ferry_pg[@]}" "$(pg_url "$t")" \
            -c "$(import_sql "$work/mem-$f-1" "$j")" || true
          check_rows "IMPORT $f of $rows rows" "$rows" "$(pg_rows "$t" "count(*) FROM orders")"
          pg_drop "$t"
        done
        rm -rf "$work/mem-$f-1" "$work/mem-$f-2"
      done
    done
    pg_drop "$src"
  done
}

# --- the report ---------------------------------------------------------------------------------------------------
version_of() { "$@" 2>&1 | head -n 1 || echo "?"; }
machine() {
  local cpu mem
  cpu=$(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo "?")
  mem=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
  echo "- **When:** $started; load average at the start $load_start, at the end $(load)"
  echo "- **Machine:** $cores cores ($cpu), $mem memory, $(uname -sr)"
  echo "- **Java:** $(version_of java -version); Ferry $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "?")$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo " (with local changes)"), JVM options '${ferry_java[*]}'"
  if [[ $mode = memory ]] || has_engine postgres || has_engine duckdb; then
    echo "- **PostgreSQL:** server $(pg_rows postgres "current_setting('server_version')"); $(version_of pg_dump --version); pgjdbc $(basename "${PG_JAR:-?}" .jar)"
  fi
  if [[ $mode = compare ]] && has_engine mariadb; then
    echo "- **MariaDB:** server $(my -e 'SELECT VERSION()' 2>/dev/null || echo "?"); $(version_of mariadb-dump --version); $( ((has_mydumper)) && version_of mydumper --version || echo "mydumper not installed"); $(basename "${MARIADB_JAR:-?}" .jar)"
  fi
  [[ $mode = compare ]] && has_engine duckdb && echo "- **DuckDB:** $(basename "${DUCKDB_JAR:-?}" .jar), through its own JDBC driver (benchmarks/DuckDb.java)"
  if [[ $mode = memory ]]; then
    echo "- **Settings:** --memory, MEM_ROWS=\"$MEM_ROWS\", R=$R, IMPORT_JOBS=$IMPORT_JOBS"
  else
    echo "- **Settings:** ROWS=$ROWS, R=$R, JOBS_LIST=\"$JOBS_LIST\", IMPORT_JOBS=$IMPORT_JOBS"
  fi
  return 0
}

report_compare() {
  local c e op n tool f tk fk tm fm names
  echo "| engine | operation | N | tool | tool s | tool RSS MB | tool files MB | Ferry | Ferry s | Ferry RSS MB | Ferry files MB | Ferry/tool |"
  echo "|---|---|--:|---|--:|--:|--:|---|--:|--:|--:|--:|"
  for c in "${comparisons[@]}"; do
    IFS='|' read -r e op n tool f <<<"$c"
    tk="$e|$op|$n|$tool" fk="$e|$op|$n|$f"
    [[ -n ${times[$tk]:-} || -n ${times[$fk]:-} ]] || continue
    tm=$(median ${times[$tk]:-}) fm=$(median ${times[$fk]:-})
    case $e in pg) names=PostgreSQL ;; my) names=MariaDB ;; esac
    echo "| $names | $op | $n | \`${label[$tk]:-?}\` | $tm | $(peak_mb ${rss[$tk]:-}) | $( [[ $op = export ]] && mb "${bytes[$tk]:-}" || echo –) | \`${label[$fk]:-?}\` | $fm | $(peak_mb ${rss[$fk]:-}) | $( [[ $op = export ]] && mb "${bytes[$fk]:-}" || echo –) | $(ratio "$fm" "$tm") |"
  done
  echo
  for e in pg my; do
    for n in $JOBS_LIST; do
      [[ -n ${bytes[$e|export|$n|csv]:-} && -n ${bytes[$e|export|$n|parquet]:-} ]] || continue
      echo "- $( [[ $e = pg ]] && echo PostgreSQL || echo MariaDB ), N = $n: Parquet files $(mb "${bytes[$e|export|$n|parquet]}") MB against CSV $(mb "${bytes[$e|export|$n|csv]}") MB ($(awk -v p="${bytes[$e|export|$n|parquet]}" -v c="${bytes[$e|export|$n|csv]}" 'BEGIN { if (c > 0) printf "%.2f×", p / c; else print "–" }') the CSV)"
    done
  done
  if [[ -n ${times[duck|prepare|1|import]:-} ]]; then
    echo
    echo "DuckDB's own statements on the same rows, for scale (in-process: the JVM that runs them is measured):"
    echo
    echo "| DuckDB | threads | s | peak RSS MB | files MB |"
    echo "|---|--:|--:|--:|--:|"
    echo "| \`IMPORT DATABASE\` of Ferry's \`DIALECT duckdb\` Parquet export (once) | $cores | $(median ${times[duck|prepare|1|import]}) | $(peak_mb ${rss[duck|prepare|1|import]:-}) | – |"
    for n in $JOBS_LIST; do
      for op in export import; do
        for f in csv parquet; do
          k="duck|$op|$n|$f"
          [[ -n ${times[$k]:-} ]] || continue
          echo "| \`${op^^} DATABASE\` ($f) | $n | $(median ${times[$k]}) | $(peak_mb ${rss[$k]:-}) | $( [[ $op = export ]] && mb "${bytes[$k]:-}" || echo –) |"
        done
      done
    done
  fi
}

report_memory() {
  local rows f j op k
  echo "| rows | operation | JOBS | runs | median s | peak RSS MB | files MB |"
  echo "|--:|---|--:|--:|--:|--:|--:|"
  for rows in $MEM_ROWS; do
    for op in export import; do
      for f in csv parquet; do
        for j in 1 2; do
          k="mem|$rows|$op $f|$j"
          [[ -n ${times[$k]:-} ]] || continue
          echo "| $(printf "%'d" "$rows") | \`${label[$k]}\` | $j | $(runs_of "$k") | $(median ${times[$k]}) | $(peak_mb ${rss[$k]:-}) | $( [[ $op = export ]] && mb "${bytes[$k]:-}" || echo –) |"
        done
      done
    done
  done
}

report() {
  {
    if [[ $mode = memory ]]; then
      echo "### Ferry's memory: one table, command line with JVM options '${ferry_java[*]}'"
    else
      echo "### Ferry against the engines' own tools (benchmarks/compare.sh)"
    fi
    echo
    machine
    echo
    if [[ $mode = memory ]]; then report_memory; else report_compare; fi
    if ((${#notes[@]})); then
      echo
      echo "Notes:"
      local note
      for note in "${notes[@]}"; do echo "- $note"; done
    fi
    echo
    echo "Times are wall seconds, medians of R runs; RSS is the largest peak RSS of one process over the runs (for"
    echo "\`pg_dump -j\` and the like, the largest of its processes, not their sum); Ferry/tool divides the medians."
  } >"$out.tmp"
  mv "$out.tmp" "$out"
  reported=1
  echo
  cat "$out"
  echo
  echo "Written to $out"
}

# --- main ---------------------------------------------------------------------------------------------------------
load_start=$(load)
echo "compare.sh: mode $mode, $cores cores, load average $load_start; work directory $work"
pg -d postgres -c 'SELECT 1' >/dev/null 2>&1 || { [[ $mode = compare ]] && ! has_engine postgres && ! has_engine duckdb; } ||
  die "cannot reach PostgreSQL at $PGHOST:$PGPORT as $PGUSER"
if [[ $mode = compare ]] && has_engine mariadb; then
  my -e 'SELECT 1' >/dev/null 2>&1 || die "cannot reach MariaDB at $MYHOST:$MYPORT as $MYUSER"
fi

if [[ $mode = memory ]]; then
  bench_memory
else
  has_engine postgres && bench_postgres
  has_engine mariadb && bench_mariadb
  has_engine duckdb && bench_duckdb
fi
report
((failures == 0)) || { echo "$failures run(s) failed: see Notes above" >&2; exit 1; }
exit 0
}
