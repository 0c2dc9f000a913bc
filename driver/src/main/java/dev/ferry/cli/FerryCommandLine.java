package dev.ferry.cli;

import dev.ferry.core.FerryVersion;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.sql.SqlScript;
import dev.ferry.driver.FerryConnection;
import dev.ferry.driver.FerryProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import dev.ferry.driver.logging.WarningsToJul;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code java -jar ferry.jar [--driver <jar>]... <jdbc-url> -c "<sql>"}: runs SQL, Ferry's statements included,
 * against any database with a JDBC driver, and prints the results as tables.
 */
@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = FerryCommandLine.Version.class,
        subcommands = DemoCommand.class, sortOptions = false,
        description = {"Runs SQL through Ferry's JDBC driver: EXPORT DATABASE, IMPORT DATABASE and everything else.",
                "Example: ferry --driver h2.jar jdbc:h2:./old -c \"EXPORT DATABASE 'tmp'\""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every statement ran",
                "1:a statement failed: its message and SQLState on stderr, the statements after it not run",
                "2:the command line itself is wrong (an unknown option, no URL, no -c or -f, a -f file that cannot be"
                        + " read, -p with no terminal to ask on); nothing ran",
                "3:every statement ran, and a VERIFY DATABASE found the database not matching its export"})
public final class FerryCommandLine implements Callable<Integer> {

    @Option(names = "--driver", paramLabel = "<jar>", description = "A JDBC driver jar; may be repeated.")
    List<Path> drivers = new ArrayList<>();

    @Option(names = {"-u", "--user"}, description = "User name.")
    String user;

    @Option(names = {"-p", "--password"}, paramLabel = "<password>",
            description = "Password, written -p<password> or --password=<password>; -p alone asks for it.")
    String password;

    @Option(names = PasswordOption.ASK, hidden = true)
    boolean askPassword;

    @Option(names = "--property", paramLabel = "<key=value>", description = "A connection property; may be repeated.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--jobs", paramLabel = "<n>", description = "Connections an EXPORT DATABASE without JOBS reads"
            + " tables on at once (default: the number of cores, at most 4); sets ferry.jobs.")
    Integer jobs;

    /** The -c's and -f's, in the order given. */
    final List<Script> scripts = new ArrayList<>();

    @Option(names = {"-c", "--command"}, paramLabel = "<sql>",
            description = "SQL to run; several statements separated by ';'. May be repeated.")
    void command(String sql) {
        scripts.add(Script.command(sql));
    }

    @Option(names = {"-f", "--file"}, paramLabel = "<file>", description = "A file of SQL statements to run, '-' for"
            + " standard input; run in order with the -c's. May be repeated.")
    void file(String file) {
        scripts.add(Script.file(file));
    }

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr; results and warnings still.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Progress as plain lines, a status every second, even on a"
            + " terminal.")
    boolean verbose;

    @Option(names = {"-o", "--output"}, paramLabel = "<form>", description = "How results are printed: table"
            + " (default; the first 1,000 rows), csv or json (every row; update counts then go to stderr).")
    ResultPrinter.Form output = ResultPrinter.Form.TABLE;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<jdbc-url>",
            description = "The database, with or without 'ferry:'.")
    String url;

    private final PrintStream out;
    private final PrintStream err;
    /** The exit status where a VERIFY DATABASE found the database not matching its export. */
    static final int VERIFY_MISMATCH = 3;

    /** Whether a VERIFY DATABASE found the database not matching its export. */
    private boolean mismatch;

    FerryCommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        WarningsToJul.silence();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit status (0 on success). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new FerryCommandLine(out, err));
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.getCommandSpec().usageMessage().footerHeading(StatementOptionsHelp.heading())
                .footer(StatementOptionsHelp.lines());
        // Each -c and -f is kept, in order, by its setter.
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("Error: " + describe(e));
            return 1;
        });
        return commandLine.execute(PasswordOption.loneToAsk(args));
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        refuseRepeatedOptions();
        if (url == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Give a JDBC URL (such as"
                    + " jdbc:postgresql://host/db) and at least one -c \"<sql>\" or -f <file>, or the subcommand demo");
        }
        if (scripts.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Give at least one -c \"<sql>\" or -f <file> to run on " + url);
        }
        if (jobs != null && (jobs < 1 || jobs > ExportOptions.MAX_JOBS)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--jobs must be a whole number from 1 to " + ExportOptions.MAX_JOBS + ", got " + jobs);
        }
        Properties connectionProperties = new Properties();
        connectionProperties.putAll(properties);
        if (user != null) {
            connectionProperties.setProperty("user", user);
        }
        for (Script script : scripts) {
            try {
                script.text();
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (askPassword) {
            try {
                password = PasswordOption.ask(System.console());
            } catch (IllegalStateException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        if (jobs != null) {
            connectionProperties.setProperty(FerryProperties.JOBS, jobs.toString());
        }
        try (DriverLoader loader = new DriverLoader(drivers);
             Connection connection = loader.connect(url, connectionProperties)) {
            ProgressDisplay progress = ProgressDisplay.on(err, verbosity());
            connection.unwrap(FerryConnection.class).setProgressListener(progress);
            // MariaDB's backslash escapes and comments, as its own client splits a dump.
            boolean mysql = Dialects.forConnection(connection).capabilities().mysqlSyntax();
            for (Script script : scripts) {
                for (SqlScript.Statement statement : SqlScript.split(script.text(), mysql)) {
                    try {
                        execute(connection, statement.sql());
                    } catch (SQLException e) {
                        throw script.at(statement, e);
                    } finally {
                        progress.statementDone();
                    }
                }
            }
        }
        return mismatch ? VERIFY_MISMATCH : 0;
    }

    /**
     * Refuses an option that takes one value given more than once ({@code -u a -u b}), which would otherwise take the
     * last one without a word: overwriting is allowed only so that each -c and -f is kept, in order.
     */
    private void refuseRepeatedOptions() {
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            List<String> given = option.originalStringValues();
            boolean repeatable = option.isMultiValue() || option.arity().max() == 0
                    || option.longestName().equals("--command") || option.longestName().equals("--file");
            if (!repeatable && given.size() > 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), option.longestName() + " is given "
                        + given.size() + " times (" + String.join(", ", option.longestName().equals("--password")
                        ? given.stream().map(value -> "***").toList() : given) + "): give it once");
            }
        }
    }

    private void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            boolean isResultSet = statement.execute(sql);
            long printedCount = -1;
            while (true) {
                if (isResultSet) {
                    try (ResultSet resultSet = statement.getResultSet()) {
                        output.onto(out).print(resultSet);
                    }
                    printedCount = -1;
                } else {
                    long count = updateCount(statement);
                    // DuckDB 0.8.1's driver gives the same count again after getMoreResults() said there is no more.
                    if (count < 0 || count == printedCount) {
                        break;
                    }
                    if (!quiet) {
                        (output.forPeople() ? out : err).println(count + " rows affected");
                    }
                    printedCount = count;
                }
                isResultSet = statement.getMoreResults();
            }
            for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                err.println("Warning: " + warning.getMessage());
                mismatch |= FerryConnection.VERIFY_MISMATCH_STATE.equals(warning.getSQLState());
            }
        }
    }

    /** The update count, from getUpdateCount where the driver predates getLargeUpdateCount (DuckDB 0.8.1's). */
    private static long updateCount(Statement statement) throws SQLException {
        try {
            return statement.getLargeUpdateCount();
        } catch (UnsupportedOperationException notImplemented) {
            return statement.getUpdateCount();
        }
    }

    /** How much progress to show: {@code --quiet} wins over {@code --verbose}. */
    ProgressDisplay.Verbosity verbosity() {
        return quiet ? ProgressDisplay.Verbosity.QUIET
                : verbose ? ProgressDisplay.Verbosity.VERBOSE : ProgressDisplay.Verbosity.NORMAL;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
        if (e instanceof SQLException sql && sql.getSQLState() != null) {
            message.append(" [SQLState ").append(sql.getSQLState()).append(']');
        }
        return message.toString();
    }

    /** Ferry's version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Ferry " + FerryVersion.get()};
        }
    }
}
