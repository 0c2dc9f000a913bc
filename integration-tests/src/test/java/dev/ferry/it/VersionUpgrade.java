package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An engine's upgrade as a user runs it: a database file of the old version, exported with
 * {@code ferry.jar --driver <old version's jar>} and imported into a new file with
 * {@code --driver <new version's jar>}, each command in a JVM of its own, in CSV and in Parquet. The test reads both
 * databases through class loaders of their own, one per version ({@link IsolatedJdbc}), and compares their catalogs
 * and every row of every table and view, each in a form both versions give alike, then what each database hands out
 * next (sequences, identities).
 *
 * <p>A subclass is one engine: the build names the versions' jars in the properties {@code ferry.<engine>.old.jar}
 * and {@code ferry.<engine>.new.jar}; the subclass gives the old database, how each version's catalog and rows are
 * read, the warnings the export must print and the values handed out next. Both old databases hold a table
 * PUBLIC.TYPES whose columns TSTZ and TITZ have two values each at an offset other than +00:00, which Parquet keeps as
 * instants only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VersionUpgrade {
    private final String engine;
    private Path ferryJar;
    private Path oldJar;
    private Path newJar;
    private IsolatedJdbc oldVersion;
    private IsolatedJdbc newVersion;

    /** @param engine the engine's name in the build's properties: {@code h2} for {@code ferry.h2.old.jar} */
    VersionUpgrade(String engine) {
        this.engine = engine;
    }

    /** The JDBC URL of the database file {@code file} (a path, or {@code ./name} for the command line). */
    abstract String url(String file);

    /** What {@link #url} gets to open a file only if it exists. */
    abstract String ifExists();

    /** The user both versions connect as, with an empty password. */
    abstract String user();

    /** The command line's options before the URL, beside {@code --driver}. */
    List<String> commandLineOptions() {
        return List.of();
    }

    /** Creates the old database's schema and data on an empty database of the old version. */
    abstract void createOldDatabase(Connection old) throws SQLException;

    /** The database's catalog, in a form both versions give alike. */
    abstract Map<String, List<List<Object>>> catalog(Connection database) throws SQLException;

    /**
     * Every row of every table and view, in a form both versions give alike.
     *
     * @param instantsOnly whether values WITH TIME ZONE compare by their instant alone (Parquet keeps no offset)
     */
    abstract Map<String, List<List<Object>>> rows(Connection database, boolean instantsOnly) throws SQLException;

    /** Lines the export must print about what it does not carry as it is. */
    abstract List<String> exportWarnings();

    /** Queries for what the database hands out next (sequences, functions), asked before {@link #nextInserts}. */
    abstract List<String> nextQueries();

    /** Inserts of new rows, which take identity values (and fire triggers). */
    abstract List<String> nextInserts();

    /** Queries for what the {@link #nextInserts} rows hold. */
    abstract List<String> insertedQueries();

    /** A value of those queries in a form both versions give alike. */
    abstract Object comparable(Object value);

    /** What the old database hands out next, and so the copy. */
    abstract List<List<Object>> expectedNext();

    /** What the new version does with the old file, checked before the export. */
    void checkOldFileInNewVersion(String oldUrl) throws Exception {
    }

    /** Checks of the copy beyond its catalog and rows. */
    void checkCopy(Connection copy) throws SQLException {
    }

    /** Lets a database go before its connection closes (HSQLDB writes its files on SHUTDOWN). */
    void release(Connection database) throws SQLException {
    }

    final IsolatedJdbc oldVersion() {
        return oldVersion;
    }

    final IsolatedJdbc newVersion() {
        return newVersion;
    }

    @BeforeAll
    void loadVersions() throws Exception {
        ferryJar = JavaProcess.fileFromProperty("ferry.jar");
        oldJar = JavaProcess.fileFromProperty("ferry." + engine + ".old.jar");
        newJar = JavaProcess.fileFromProperty("ferry." + engine + ".new.jar");
        oldVersion = IsolatedJdbc.load(oldJar);
        newVersion = IsolatedJdbc.load(newJar);
    }

    @AfterAll
    void closeVersions() throws Exception {
        for (IsolatedJdbc version : new IsolatedJdbc[] {oldVersion, newVersion}) {
            if (version != null) {
                version.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void anOldDatabaseFileMovesToTheNewVersionThroughTheCommandLine(String format, @TempDir Path temp)
            throws Exception {
        boolean parquet = format.equals("parquet");
        String oldUrl = url(temp.resolve("old").toString());
        Map<String, List<List<Object>>> catalog;
        Map<String, List<List<Object>>> data;
        try (Connection old = oldVersion.connect(oldUrl, user())) {
            createOldDatabase(old);
            catalog = catalog(old);
            data = rows(old, parquet);
            release(old);
        }
        checkOldFileInNewVersion(oldUrl);

        JavaProcess.Result exported = ferry(temp, oldJar, url("./old"),
                "EXPORT DATABASE 'tmp'" + (parquet ? " (FORMAT parquet)" : ""));
        assertEquals(0, exported.exitCode(), exported.toString());
        for (String warning : exportWarnings()) {
            assertTrue(exported.err().contains(warning), warning + "\n" + exported);
        }
        if (parquet) {
            for (String column : List.of("TSTZ", "TITZ")) {
                assertTrue(exported.err().contains("Table \"PUBLIC\".\"TYPES\", column " + column + ": 2 values had an"
                        + " offset other than +00:00"), "the offsets Parquet drops are named\n" + exported);
            }
        }

        JavaProcess.Result imported = ferry(temp, newJar, url("./new"), "IMPORT DATABASE 'tmp'");
        assertEquals(0, imported.exitCode(), imported.toString());

        List<List<Object>> nextInCopy;
        try (Connection copy = newVersion.connect(url(temp.resolve("new").toString()) + ifExists(), user())) {
            assertEquals(catalog, catalog(copy));
            assertEquals(data, rows(copy, parquet));
            checkCopy(copy);
            nextInCopy = next(copy);
            release(copy);
        }
        try (Connection old = oldVersion.connect(oldUrl + ifExists(), user())) {
            assertEquals(next(old), nextInCopy);
            release(old);
        }
        assertEquals(expectedNext(), nextInCopy, "the values the source hands out next");
    }

    /** Runs Ferry's command line on {@code url} with the driver of {@code jar} and one statement. */
    private JavaProcess.Result ferry(Path workDir, Path jar, String url, String statement) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--driver", jar.toString()));
        arguments.addAll(commandLineOptions());
        arguments.addAll(List.of(url, "-c", statement));
        return JavaProcess.ferry(workDir, ferryJar, arguments.toArray(String[]::new));
    }

    /** What {@link #nextQueries} give, then what the {@link #nextInserts} rows hold, asked of one database. */
    private List<List<Object>> next(Connection connection) throws SQLException {
        List<List<Object>> values = new ArrayList<>();
        for (String sql : nextQueries()) {
            values.addAll(comparable(TestDatabases.rows(connection, sql)));
        }
        TestDatabases.execute(connection, nextInserts().toArray(String[]::new));
        for (String sql : insertedQueries()) {
            values.addAll(comparable(TestDatabases.rows(connection, sql)));
        }
        return values;
    }

    private List<List<Object>> comparable(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(this::comparable).toList()).toList();
    }
}
