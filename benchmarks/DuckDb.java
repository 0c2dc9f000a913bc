import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs SQL statements, in order, on one DuckDB database file through DuckDB's own JDBC driver, without Ferry: how
 * {@code benchmarks/compare.sh} times DuckDB's own {@code EXPORT DATABASE} and {@code IMPORT DATABASE} (Ferry's
 * command line would take those two statements as its own). A query's rows are printed, their first column.
 *
 * <pre>javac -d classes benchmarks/DuckDb.java
 * java -cp duckdb_jdbc.jar:classes DuckDb file.duckdb "SET threads = 2" "EXPORT DATABASE 'dir' (FORMAT parquet)"</pre>
 */
public final class DuckDb {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DuckDb <database file> [<sql>]...");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0]);
             Statement statement = connection.createStatement()) {
            for (int i = 1; i < args.length; i++) {
                if (statement.execute(args[i])) {
                    try (ResultSet rows = statement.getResultSet()) {
                        while (rows.next()) {
                            System.out.println(rows.getString(1));
                        }
                    }
                }
            }
        }
    }
}
