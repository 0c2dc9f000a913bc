package dev.ferry.core.operation.exporting;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Table;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.OptionalLong;

/**
 * Decides which tables of an export are split into chunks ({@code CHUNK_ROWS}) and by which key ranges. Only a table
 * whose primary key is one integer column is split; any other is read whole. It works in two steps, because the
 * number of connections to open depends on how many chunks there will be, while the ranges must be read in the
 * export's snapshot, which on some engines (MariaDB) starts only once those connections are open:
 * {@link #estimate} (the engine's statistics, else a count), then {@link #ranges} (the key's least and greatest
 * values, in the snapshot).
 */
final class ChunkPlanner {
    private final Connection connection;
    private final Dialect dialect;
    private final long chunkRows;

    /**
     * @param connection the connection to read the estimates and the keys' bounds on (the export's own)
     * @param chunkRows  the rows above which a table is split; 0 for never
     */
    ChunkPlanner(Connection connection, Dialect dialect, long chunkRows) {
        this.connection = connection;
        this.dialect = dialect;
        this.chunkRows = chunkRows;
    }

    /** The column a table is split by: its primary key where that is one integer column not null, else null. */
    static Column splitKey(Table table) {
        if (table.primaryKey() == null || table.primaryKey().columns().size() != 1) {
            return null;
        }
        String name = table.primaryKey().columns().get(0);
        for (Column column : table.columns()) {
            if (column.name().equals(name)) {
                boolean integer = switch (column.jdbcType()) {
                    case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> true;
                    default -> false;
                };
                return integer && !column.nullable() ? column : null;
            }
        }
        return null;
    }

    /**
     * The rows {@code table} is thought to hold, where it may be split: the engine's estimate, else (no estimate, or
     * one of 0, which an engine also gives for a table it has not analyzed) its count; -1 where it is not split
     * whatever its size (CHUNK_ROWS 0, no key to split by).
     */
    long estimate(Table table) throws SQLException {
        if (chunkRows <= 0 || splitKey(table) == null) {
            return -1;
        }
        try {
            OptionalLong estimate = dialect.estimatedRows(connection, table.name());
            if (estimate.isPresent() && estimate.getAsLong() > 0) {
                return estimate.getAsLong();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + dialect.rowsOf(table.name()))) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw FerryErrors.withContext("Counting the rows of table " + dialect.quote(table.name())
                    + " to split it into chunks failed", e);
        }
    }

    /** The chunks a table of {@code estimate} rows ({@link #estimate}) is split into at most; 1 for one file. */
    int mostChunks(long estimate) {
        if (estimate <= chunkRows) {
            return 1;
        }
        return (int) Math.min(KeyRanges.MAX_RANGES, estimate / chunkRows + (estimate % chunkRows == 0 ? 0 : 1));
    }

    /**
     * The key ranges {@code table} is read in, in key order: {@link KeyRange#ALL} alone where it is read whole. Read on
     * the connection in the export's snapshot, so the ranges cover every row it reads.
     *
     * @param estimate the table's {@link #estimate}
     */
    List<KeyRange> ranges(Table table, long estimate) throws SQLException {
        Column key = splitKey(table);
        if (key == null || mostChunks(estimate) <= 1) {
            return List.of(KeyRange.ALL);
        }
        String column = dialect.quoteIdentifier(key.name());
        String sql = "SELECT MIN(" + column + "), MAX(" + column + ") FROM " + dialect.rowsOf(table.name());
        BigInteger[] bounds;
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            bounds = new BigInteger[] {integer(row.getString(1)), integer(row.getString(2))};
        } catch (SQLException e) {
            throw FerryErrors.withContext("Reading the key bounds of table " + dialect.quote(table.name())
                    + " to split it into chunks failed", e);
        } catch (NumberFormatException notAnInteger) {
            // A key value that is not a whole number (SQLite keeps any value in any column): read the table whole.
            return List.of(KeyRange.ALL);
        }
        return KeyRanges.split(bounds[0], bounds[1], estimate, chunkRows);
    }

    private static BigInteger integer(String text) {
        return text == null ? null : new BigInteger(text.strip());
    }
}
