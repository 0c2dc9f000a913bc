package dev.ferry.it.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The value matrix each engine runs: every case of the engine's case table (a value of a column type) is stored in a
 * source database, which is exported once in each format; each export is imported into a fresh database. Then, for
 * each format and case, the value read back from the source must be the case's expected one (the test's own
 * expectation: a value changed alike on both sides is still caught), and what is read back from the copy must be what
 * was read from the source, with the case's Parquet value where Parquet brings back another.
 *
 * <p>A subclass is one engine: its case table, how to reach a new database and how to read a value back. By default
 * case {@code i} is a table {@code v<i> (id INTEGER PRIMARY KEY, v <type>)} holding one row {@code (1, <value>)}.
 *
 * @param <C> the engine's kind of case
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ValueMatrix<C extends ValueMatrix.Case> {
    /** The formats every case is exported and imported in. */
    public static final List<String> FORMATS = List.of("csv", "parquet");

    /** One value of one column type. */
    public interface Case {
        /** The column's type. */
        String type();

        /** The value: an SQL literal, or what the engine's {@link #store} makes of it. */
        Object value();

        /** What {@link ValueMatrix#read} gives as the value in the source. */
        Object expected();

        /** What it gives as the value imported from Parquet, where that differs from the source; else null. */
        default Object inParquet() {
            return null;
        }
    }

    /**
     * What is read back of one case.
     *
     * @param value     the value, in the form the case's expectation speaks of
     * @param alongside what must come back alike beside it (the column's type as the engine reports it, or the whole
     *                  row), or null
     */
    public record Reading(Object value, Object alongside) {
    }

    /** Where the exports (and an engine's database files) are written: a directory of the class's. */
    protected Path temp;

    private final List<C> cases;
    private Connection source;
    private final Map<String, Connection> copies = new LinkedHashMap<>();

    protected ValueMatrix(List<C> cases) {
        this.cases = List.copyOf(cases);
    }

    /**
     * A connection to a new, empty database of the engine, through Ferry unless the engine's {@link #store},
     * {@link #export} and {@link #importInto} say otherwise; it stays open until the matrix has run.
     *
     * @param name {@code source}, or the format whose export it receives
     */
    protected abstract Connection newDatabase(String name) throws Exception;

    /** Case {@code index}'s value as read back from {@code database}. */
    protected abstract Reading read(Connection database, int index, C c) throws SQLException;

    /** What the source needs before the cases' tables: types, domains, session settings. */
    protected void prepare(Connection source) throws SQLException {
    }

    /** Creates each case's table in the source and inserts its value. */
    protected void store(Connection source, List<C> cases) throws SQLException {
        for (int i = 0; i < cases.size(); i++) {
            execute(source, createTable(table(i), cases.get(i)), insert(table(i), cases.get(i)));
        }
    }

    protected String createTable(String table, C c) {
        return "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, v " + c.type() + ")";
    }

    protected String insert(String table, C c) {
        return "INSERT INTO " + table + " VALUES (1, " + c.value() + ")";
    }

    protected void export(Connection source, Path dir, String format) throws Exception {
        execute(source, "EXPORT DATABASE '" + dir + "' (FORMAT " + format + ")");
    }

    protected void importInto(Connection copy, Path dir) throws Exception {
        execute(copy, "IMPORT DATABASE '" + dir + "'");
    }

    /**
     * The rows of {@code VERIFY DATABASE '<dir>'} on {@code copy}: table_name, status, rows_expected, rows_found,
     * detail. An engine whose databases are not reached through Ferry opens a Ferry connection to {@code copy}'s.
     */
    protected List<List<String>> verify(Connection copy, Path dir) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = copy.createStatement();
             ResultSet result = statement.executeQuery("VERIFY DATABASE '" + dir + "'")) {
            while (result.next()) {
                rows.add(Arrays.asList(result.getString(1), result.getString(2), result.getString(3),
                        result.getString(4), result.getString(5)));
            }
        }
        return rows;
    }

    /** Closes a database of {@link #newDatabase} when the matrix has run (and drops it, on a server). */
    protected void closeDatabase(Connection database) throws Exception {
        database.close();
    }

    /** The case in the tests' names (after the format). */
    protected String name(C c) {
        return c.toString();
    }

    /** The table of case {@code index} where {@link #store} is not the engine's own. */
    protected static String table(int index) {
        return "v" + index;
    }

    protected final Connection source() {
        return source;
    }

    /** The database the export in {@code format} was imported into. */
    protected final Connection copy(String format) {
        return copies.get(format);
    }

    protected static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @BeforeAll
    void exportAndImport(@TempDir Path directory) throws Exception {
        temp = directory;
        source = newDatabase("source");
        prepare(source);
        store(source, cases);
        for (String format : FORMATS) {
            export(source, temp.resolve(format), format);
        }
        for (String format : FORMATS) {
            Connection copy = newDatabase(format);
            copies.put(format, copy);
            importInto(copy, temp.resolve(format));
        }
    }

    @AfterAll
    void closeDatabases() throws Exception {
        List<Connection> databases = new ArrayList<>(copies.values());
        if (source != null) {
            databases.add(0, source);
        }
        Exception failure = null;
        for (Connection database : databases) {
            try {
                closeDatabase(database);
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * VERIFY DATABASE of each copy against its export: every table {@code ok}, with its rows found, nothing else
     * reported, and as many rows over all tables as there are cases; each value is compared as the import read it
     * from the file and as the copy gives it back.
     */
    @TestFactory
    List<DynamicTest> everyCopyVerifiesAgainstItsExport() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String format : FORMATS) {
            List<List<String>> rows = verify(copies.get(format), temp.resolve(format));
            tests.add(DynamicTest.dynamicTest(format + ": a row per case, nothing missing", () -> {
                assertEquals(List.of(), rows.stream().filter(r -> r.get(2) == null).toList());
                assertEquals(cases.size(), rows.stream().mapToLong(r -> Long.parseLong(r.get(2))).sum());
            }));
            for (List<String> row : rows) {
                tests.add(DynamicTest.dynamicTest(format + ": verify " + row.get(0), () ->
                        assertEquals(Arrays.asList(row.get(0), "ok", row.get(2), row.get(2), null), row)));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyValueComesBackExactly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String format : FORMATS) {
            for (int i = 0; i < cases.size(); i++) {
                int index = i;
                C c = cases.get(i);
                tests.add(DynamicTest.dynamicTest(format + ": " + name(c), () -> {
                    Reading inSource = read(source, index, c);
                    assertEquals(c.expected(), inSource.value(), "the test's own expectation of the source value");
                    Reading expected = format.equals("parquet") && c.inParquet() != null
                            ? new Reading(c.inParquet(), inSource.alongside()) : inSource;
                    assertEquals(expected, read(copies.get(format), index, c), "the value imported from " + format);
                }));
            }
        }
        return tests;
    }
}
