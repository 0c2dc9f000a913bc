package dev.ferry.spark;

import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.TableOutcome;
import dev.ferry.core.operation.command.CommandParser;
import dev.ferry.core.operation.command.ExportDatabaseCommand;
import dev.ferry.core.operation.command.FerryCommand;
import dev.ferry.core.operation.command.ImportDatabaseCommand;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} entry point: runs one EXPORT DATABASE or IMPORT DATABASE statement with Spark.
 *
 * <pre>
 * spark-submit --class dev.ferry.spark.FerrySpark --jars ferry.jar,postgresql.jar ferry-spark.jar \
 *     --url jdbc:postgresql://db/shop --user ferry \
 *     "EXPORT DATABASE 'hdfs://nn:8020/exports/shop' (FORMAT parquet, CHUNK_ROWS 500000)"
 * </pre>
 *
 * Exit status 0 when the statement ran, 1 when it failed, 2 for a command line it cannot read.
 */
public final class FerrySpark {
    private static final String USAGE = "usage: FerrySpark --url <jdbc-url> [--user <name>] [--password <password>]"
            + " [--property <key>=<value>]... [--hadoop <key>=<value>]... \"EXPORT DATABASE '<uri>' (...)\" | \"IMPORT"
            + " DATABASE '<uri>' (...)\"";
    /** A URI with a scheme of two letters or more; anything else is a local path. */
    private static final Pattern URI_WITH_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

    private FerrySpark() {
    }

    public static void main(String[] args) {
        int status;
        Optional<Request> request = Request.parse(args, System.err);
        if (request.isEmpty()) {
            status = 2;
        } else {
            SparkSession spark = SparkSession.builder().appName("Ferry " + request.get().statementWord()).getOrCreate();
            try {
                status = run(JavaSparkContext.fromSparkContext(spark.sparkContext()), request.get(), System.out,
                        System.err);
            } finally {
                spark.stop();
            }
        }
        System.exit(status);
    }

    /**
     * Runs the request's statement; prints a line per data file to {@code out}, the warnings and any error to
     * {@code err}.
     *
     * @return the exit status: 0 when the statement ran, 1 when it failed
     */
    static int run(JavaSparkContext spark, Request request, PrintStream out, PrintStream err) {
        try {
            MigrationResult result = request.run(spark);
            out.println("table_name\tfile\trows\tbytes");
            for (TableOutcome table : result.tables()) {
                out.println(table.table() + "\t" + table.file() + "\t" + table.rows() + "\t" + table.bytes());
            }
            result.warnings().forEach(warning -> err.println("warning: " + warning));
            return 0;
        } catch (SQLException e) {
            err.println("error: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
            return 1;
        }
    }

    /**
     * A command line read.
     *
     * @param source    how to connect to the database
     * @param statement the statement, parsed
     * @param hadoop    Hadoop settings given with {@code --hadoop}
     */
    record Request(JdbcSource source, FerryCommand statement, Map<String, String> hadoop) {

        /** The command line read, or empty after saying on {@code err} what is wrong with it. */
        static Optional<Request> parse(String[] args, PrintStream err) {
            String url = null;
            String sql = null;
            Map<String, String> properties = new LinkedHashMap<>();
            Map<String, String> hadoop = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                boolean takesValue = List.of("--url", "--user", "--password", "--property", "--hadoop").contains(arg);
                if (takesValue && i + 1 == args.length) {
                    err.println(arg + " needs a value; " + USAGE);
                    return Optional.empty();
                }
                switch (arg) {
                    case "--url" -> url = args[++i];
                    case "--user" -> properties.put("user", args[++i]);
                    case "--password" -> properties.put("password", args[++i]);
                    case "--property", "--hadoop" -> {
                        String pair = args[++i];
                        int equals = pair.indexOf('=');
                        if (equals <= 0) {
                            err.println(arg + " takes <key>=<value>, got '" + pair + "'; " + USAGE);
                            return Optional.empty();
                        }
                        (arg.equals("--hadoop") ? hadoop : properties).put(pair.substring(0, equals),
                                pair.substring(equals + 1));
                    }
                    default -> {
                        if (arg.startsWith("--") || sql != null) {
                            err.println("unexpected '" + arg + "'; " + USAGE);
                            return Optional.empty();
                        }
                        sql = arg;
                    }
                }
            }
            if (url == null || sql == null) {
                err.println(USAGE);
                return Optional.empty();
            }
            try {
                Optional<FerryCommand> command = CommandParser.parse(sql);
                if (command.isEmpty() || !(command.get() instanceof ExportDatabaseCommand
                        || command.get() instanceof ImportDatabaseCommand)) {
                    err.println("FerrySpark runs EXPORT DATABASE or IMPORT DATABASE, not: " + sql);
                    return Optional.empty();
                }
                return Optional.of(new Request(new JdbcSource(url, properties), command.get(), hadoop));
            } catch (SQLException e) {
                err.println("error: " + e.getMessage());
                return Optional.empty();
            }
        }

        String statementWord() {
            return statement instanceof ExportDatabaseCommand ? "EXPORT DATABASE" : "IMPORT DATABASE";
        }

        MigrationResult run(JavaSparkContext spark) throws SQLException {
            if (statement instanceof ExportDatabaseCommand export) {
                return SparkExport.run(spark, source, location(export.directory().literal()),
                        ExportOptions.from(export.options()), hadoop);
            }
            ImportDatabaseCommand imported = (ImportDatabaseCommand) statement;
            return SparkImport.run(spark, source, location(imported.directory().literal()),
                    ImportOptions.from(imported.options()), hadoop);
        }

        /** A URI as given where it has a scheme, else the local path as a {@code file:} URI. */
        private static URI location(String given) throws SQLException {
            if (given == null) {
                throw new SQLException("FerrySpark takes the directory as a string literal, not a ? parameter",
                        "42000");
            }
            return URI_WITH_SCHEME.matcher(given).matches() ? URI.create(given)
                    : Path.of(given).toAbsolutePath().normalize().toUri();
        }
    }
}
