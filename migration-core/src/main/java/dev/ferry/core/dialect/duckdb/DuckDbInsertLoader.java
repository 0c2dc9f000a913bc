package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.dialect.TableLoader;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads a table into DuckDB with INSERTs of many rows each ({@code VALUES (?, ?), (?, ?), ...}), in the file's order.
 * DuckDB 0.8.1's driver has no batches, and 1.x's runs a batch one row per statement: measured on 20,000 rows of five
 * columns, a statement per row loads about 2,500 rows a second, a hundred rows per statement about 30,000 (both versions).
 *
 * <p>A table with a foreign key to itself is loaded one row per statement: DuckDB checks a statement's rows against the
 * rows already there, so a row must come in a statement after the one holding the row it refers to (an export writes
 * rows in DuckDB's insertion order, where that holds).
 */
final class DuckDbInsertLoader implements TableLoader {
    private static final int ROWS_PER_STATEMENT = 100;
    private static final int PARAMETERS_PER_STATEMENT = 2_000;
    private static final int PROGRESS_EVERY = 10_000;

    private final Connection connection;
    private final Dialect dialect;
    private final DuckDbVersion version;

    DuckDbInsertLoader(Connection connection, Dialect dialect, DuckDbVersion version) {
        this.connection = connection;
        this.dialect = dialect;
        this.version = version;
    }

    /** Lists are handed over as JSON arrays before 1.0, whose cast from text to a list is not exact. */
    private boolean listsAsJson() {
        return !version.atLeast(1, 0);
    }

    @Override
    public long load(LoadTarget target, TableReader reader, ProgressListener progress) throws IOException, SQLException {
        int perStatement = refersToItself(target.table()) ? 1
                : Math.max(1, Math.min(ROWS_PER_STATEMENT, PARAMETERS_PER_STATEMENT / Math.max(1, target.kinds().size())));
        List<Object[]> rows = new ArrayList<>(perStatement);
        List<String> positions = new ArrayList<>(perStatement);
        long loaded = 0;
        try (PreparedStatement full = connection.prepareStatement(insert(target, perStatement))) {
            for (Object[] row; (row = reader.next()) != null; ) {
                rows.add(row);
                positions.add(reader.position());
                if (rows.size() == perStatement) {
                    insert(full, target, rows, positions);
                    loaded += rows.size();
                    rows.clear();
                    positions.clear();
                    if (loaded % PROGRESS_EVERY < perStatement) {
                        progress.rowsDone(target.table(), loaded);
                    }
                }
            }
        }
        if (!rows.isEmpty()) {
            try (PreparedStatement rest = connection.prepareStatement(insert(target, rows.size()))) {
                insert(rest, target, rows, positions);
            }
            loaded += rows.size();
        }
        return loaded;
    }

    private void insert(PreparedStatement statement, LoadTarget target, List<Object[]> rows, List<String> positions)
            throws SQLException {
        int parameter = 1;
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++, parameter++) {
                ValueKind kind = target.kinds().get(i);
                if (row[i] == null) {
                    dialect.bindNull(statement, parameter, target.jdbcTypes()[i]);
                } else if (kind == ValueKind.ARRAY && listsAsJson()) {
                    statement.setString(parameter, DuckDbLiterals.jsonList((Object[]) row[i]));
                } else {
                    dialect.bind(statement, parameter, kind, row[i]);
                }
            }
        }
        try {
            statement.executeUpdate();
        } catch (SQLException e) {
            String where = rows.size() == 1 ? "the row at " + positions.get(0)
                    : "a row between " + positions.get(0) + " and " + positions.get(positions.size() - 1);
            throw FerryErrors.withContext("The database refused " + where, e);
        }
    }

    /** {@code INSERT INTO <table> (<columns>) VALUES (...), (...)} for {@code rows} rows. */
    private String insert(LoadTarget target, int rows) {
        String sql = dialect.insert(target.table(), target.sqlNames(), target.kinds());
        String values = "(" + target.kinds().stream()
                .map(kind -> kind == ValueKind.ARRAY && listsAsJson() ? "CAST(? AS JSON)" : dialect.parameterMarker(kind))
                .collect(Collectors.joining(", ")) + ")";
        return sql.substring(0, sql.lastIndexOf("VALUES (")) + "VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, values));
    }

    /**
     * Whether the table (as SQL: {@code "s"."t"}, {@code t}) has a foreign key to itself. Both versions write such a
     * key's text empty in duckdb_constraints(); 1.x also names the table it refers to.
     */
    private boolean refersToItself(String table) throws SQLException {
        List<String> parts = DuckDbConstraints.identifiers(table, '.');
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        String name = parts.get(parts.size() - 1);
        String itself = version.describesForeignKeys() ? "lower(referenced_table) = lower(table_name)"
                : "coalesce(constraint_text, '') = ''";
        return !CatalogQuery.list(connection, "SELECT 1 FROM duckdb_constraints() WHERE database_name ="
                + " current_database() AND constraint_type = 'FOREIGN KEY' AND lower(schema_name) ="
                + " lower(coalesce(?, current_schema())) AND lower(table_name) = lower(?) AND " + itself,
                row -> row.getInt(1), schema, name).isEmpty();
    }
}
