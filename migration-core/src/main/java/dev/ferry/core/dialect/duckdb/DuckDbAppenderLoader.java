package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.dialect.TableLoader;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.progress.ProgressListener;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads a table into DuckDB through its driver's Appender, which hands DuckDB chunks of typed values rather than
 * statements to parse, bind and cast: many times faster than {@link DuckDbInsertLoader}, which loads the tables the
 * Appender does not take. It takes a table where DuckDB is 1.4 or later (the Appender Ferry was tested with), every
 * stored column of the table (all but the generated ones) is loaded and is of a type {@link DuckDbAppendedColumn}
 * carries, and no foreign key refers to the table itself (DuckDB would check a chunk's rows against the rows there
 * before it, as it does a statement's).
 * Foreign keys to other tables, primary keys, unique, NOT NULL and CHECK constraints are checked as each chunk goes in.
 *
 * <p>A row with a value the Appender would not store as DuckDB's cast from text does is inserted on its own, in the
 * file's order, where DuckDB decides (and a refusal names that row). The other rows go in chunks of
 * {@value #ROWS_PER_FLUSH}; DuckDB checks a chunk as it goes in and does not say which row it refuses, and a refusal
 * aborts its transaction (no savepoint to try the rows one by one), so a refusal names the chunk's first and last row,
 * with DuckDB's message, which names the duplicate or missing key, or the column of a NOT NULL.
 */
final class DuckDbAppenderLoader implements TableLoader {
    /**
     * A switch for the tests, which compare both paths: {@code -Ddev.ferry.duckdb.appender=false} loads every table
     * with INSERTs.
     */
    static final String APPENDER_PROPERTY = "dev.ferry.duckdb.appender";
    /**
     * DuckDB's vector size, the most rows the driver holds before it hands them over: each hand-over costs a few
     * milliseconds whatever its size (1,000,000 rows of nine columns in chunks of 100 took 28 s, of 2,048 2.3 s).
     */
    private static final int ROWS_PER_FLUSH = 2_048;
    private static final int PROGRESS_EVERY = 10_000;

    private final Connection connection;
    private final Dialect dialect;
    private final DuckDbVersion version;
    private final DuckDbAppenderApi api;
    private final DuckDbInsertLoader inserts;

    private DuckDbAppenderLoader(Connection connection, Dialect dialect, DuckDbVersion version, DuckDbAppenderApi api) {
        this.connection = connection;
        this.dialect = dialect;
        this.version = version;
        this.api = api;
        this.inserts = new DuckDbInsertLoader(connection, dialect, version);
    }

    /** The loader for a DuckDB connection: through the Appender where the driver has one Ferry appends with. */
    static TableLoader of(Connection connection, Dialect dialect) throws SQLException {
        DuckDbVersion version = DuckDbVersion.of(connection);
        boolean wanted = version.atLeast(1, 4) && !"false".equals(System.getProperty(APPENDER_PROPERTY));
        Optional<DuckDbAppenderApi> api = wanted ? DuckDbAppenderApi.of(connection) : Optional.empty();
        return api.isPresent() ? new DuckDbAppenderLoader(connection, dialect, version, api.get())
                : new DuckDbInsertLoader(connection, dialect, version);
    }

    @Override
    public long load(LoadTarget target, TableReader reader, ProgressListener progress)
            throws IOException, SQLException {
        DuckDbTargetTable table = DuckDbTargetTable.of(connection, version, target.table());
        Optional<List<DuckDbAppendedColumn>> columns = appended(target, table);
        if (columns.isEmpty()) {
            return inserts.load(target, reader, progress);
        }
        try (DuckDbAppender appender = api.open(table.database(), table.schema(), table.name());
             DuckDbRowsInsert single = new DuckDbRowsInsert(connection, dialect, version, target, 1)) {
            return new Chunks(appender, single, columns.get()).load(target, reader, progress);
        }
    }

    /**
     * How each of the table's stored columns is appended (the Appender leaves generated ones out); empty where it does
     * not take the table: a column is not loaded (left out of a COPY), or of a type it does not carry, or a foreign key
     * refers to the table.
     */
    private static Optional<List<DuckDbAppendedColumn>> appended(LoadTarget target, DuckDbTargetTable table) {
        if (table.refersToItself() || !lowerCase(table.columnNames()).equals(lowerCase(target.names()))) {
            return Optional.empty();
        }
        List<DuckDbAppendedColumn> columns = new ArrayList<>();
        for (String type : table.columnTypes()) {
            Optional<DuckDbAppendedColumn> column = DuckDbAppendedColumn.of(type);
            if (column.isEmpty()) {
                return Optional.empty();
            }
            columns.add(column.get());
        }
        return Optional.of(columns);
    }

    private static List<String> lowerCase(List<String> names) {
        return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    /** One table's rows, appended in chunks, each row the Appender cannot carry inserted between them. */
    private static final class Chunks {
        private final DuckDbAppender appender;
        private final DuckDbRowsInsert single;
        private final DuckDbAppendedColumn[] columns;
        private final Object[] appendable;
        private int chunkRows;
        private String chunkStart;
        private String chunkEnd;

        Chunks(DuckDbAppender appender, DuckDbRowsInsert single, List<DuckDbAppendedColumn> columns) {
            this.appender = appender;
            this.single = single;
            this.columns = columns.toArray(DuckDbAppendedColumn[]::new);
            this.appendable = new Object[this.columns.length];
        }

        long load(LoadTarget target, TableReader reader, ProgressListener progress) throws IOException, SQLException {
            long loaded = 0;
            for (Object[] row; (row = reader.next()) != null; ) {
                if (appendable(row)) {
                    append(reader.position());
                } else {
                    flush();
                    single.insert(List.<Object[]>of(row), List.of(reader.position()));
                }
                if (++loaded % PROGRESS_EVERY == 0) {
                    progress.rowsDone(target.table(), loaded);
                }
            }
            flush();
            return loaded;
        }

        /** Whether the Appender carries every value of the row, each then in {@link #appendable}. */
        private boolean appendable(Object[] row) {
            for (int i = 0; i < columns.length; i++) {
                appendable[i] = row[i] == null ? null : columns[i].appendable(row[i]);
                if (appendable[i] == null && row[i] != null) {
                    return false;
                }
            }
            return true;
        }

        private void append(String position) throws SQLException {
            try {
                appender.beginRow();
                for (int i = 0; i < columns.length; i++) {
                    if (appendable[i] == null) {
                        appender.appendNull();
                    } else {
                        columns[i].append(appender, appendable[i]);
                    }
                }
            } catch (SQLException e) {
                throw FerryErrors.withContext("The database refused the row at " + position, e);
            }
            if (chunkRows++ == 0) {
                chunkStart = position;
            }
            chunkEnd = position;
            try {
                // The driver hands a full chunk over itself, here.
                appender.endRow();
            } catch (SQLException e) {
                throw refused(e);
            }
            if (chunkRows == ROWS_PER_FLUSH) {
                flush();
            }
        }

        /** Hands the chunk to DuckDB, which checks its rows against the table's constraints. */
        private void flush() throws SQLException {
            if (chunkRows == 0) {
                return;
            }
            try {
                appender.flush();
            } catch (SQLException e) {
                throw refused(e);
            }
            chunkRows = 0;
        }

        /** DuckDB's refusal of a row of the chunk, which it does not name (its message may name a key or column). */
        private SQLException refused(SQLException e) {
            String where = chunkRows == 1 ? "the row at " + chunkStart
                    : "a row between " + chunkStart + " and " + chunkEnd;
            return FerryErrors.withContext("The database refused " + where, e);
        }
    }
}
