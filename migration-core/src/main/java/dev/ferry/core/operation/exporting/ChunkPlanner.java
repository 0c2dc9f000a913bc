package dev.ferry.core.operation.exporting;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.RowPositions;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Table;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides which tables of an export are split into chunks ({@code CHUNK_ROWS}) and by which ranges: of its primary key
 * where that is one integer column; else, where the engine has them ({@link Dialect#rowPositions}: PostgreSQL's
 * ctid), of where its rows are stored; else the table is read whole. It works in two steps, because the
 * number of connections to open depends on how many chunks there will be, while the ranges must be read in the
 * export's snapshot, which on some engines (MariaDB) starts only once those connections are open:
 * {@link #estimate} (the engine's statistics, else a count), then {@link #chunks} (the key's least and greatest
 * values, or the pages the table holds, in the snapshot).
 */
final class ChunkPlanner {
    private final Connection connection;
    private final Dialect dialect;
    private final long chunkRows;
    private final Optional<RowPositions> positions;

    /** How a table is read: whole ({@code by} null, {@link KeyRange#ALL} alone), or by ranges of {@code by}. */
    record Chunks(SplitBy by, List<KeyRange> ranges) {
        static final Chunks WHOLE = new Chunks(null, List.of(KeyRange.ALL));
    }

    /**
     * @param connection the connection to read the estimates and the keys' bounds on (the export's own)
     * @param chunkRows  the rows above which a table is split; 0 for never
     * @param positions  how a table without an integer key is split by where its rows are; empty for not at all
     */
    ChunkPlanner(Connection connection, Dialect dialect, long chunkRows, Optional<RowPositions> positions) {
        this.connection = connection;
        this.dialect = dialect;
        this.chunkRows = chunkRows;
        this.positions = positions;
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
     * whatever its size (CHUNK_ROWS 0, nothing to split it by).
     */
    long estimate(Table table) throws SQLException {
        if (chunkRows <= 0 || splitKey(table) == null && positions.isEmpty()) {
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
     * How {@code table} is read: by ranges of its integer key, or of its rows' positions, in order; else whole. Read
     * on the connection in the export's snapshot, so the ranges cover every row it reads.
     *
     * @param estimate the table's {@link #estimate}
     */
    Chunks chunks(Table table, long estimate) throws SQLException {
        if (mostChunks(estimate) <= 1) {
            return Chunks.WHOLE;
        }
        Column key = splitKey(table);
        try {
            if (key != null) {
                return byKey(table, key, estimate);
            }
            if (positions.isPresent()) {
                long pages = positions.get().holdPages(connection, table.name());
                return pages <= 0 ? Chunks.WHOLE : chunks(SplitBy.positions(positions.get()),
                        BigInteger.ZERO, BigInteger.valueOf(pages - 1), estimate);
            }
            return Chunks.WHOLE;
        } catch (SQLException e) {
            throw FerryErrors.withContext("Reading the bounds of table " + dialect.quote(table.name())
                    + " to split it into chunks failed", e);
        }
    }

    /**
     * What a resumed export splits {@code table} by, as the export it resumes did ({@code positions}: by where its
     * rows are stored, else by its integer key); by position, the table is held as {@link #chunks} holds it. Read on
     * the connection in the export's snapshot.
     *
     * @throws SQLException (42000) where the table can no longer be split so
     */
    SplitBy splitBy(Table table, boolean byPosition) throws SQLException {
        Column key = splitKey(table);
        if (!byPosition && key != null) {
            return SplitBy.key(dialect.quoteIdentifier(key.name()));
        }
        if (byPosition && positions.isPresent()) {
            try {
                positions.get().holdPages(connection, table.name());
            } catch (SQLException e) {
                throw FerryErrors.withContext("Holding the rows of table " + dialect.quote(table.name())
                        + " where they are, to read its chunks, failed", e);
            }
            return SplitBy.positions(positions.get());
        }
        throw FerryErrors.refused("Table " + dialect.quote(table.name()) + " can no longer be split as the export"
                + " being resumed split it");
    }

    private Chunks byKey(Table table, Column key, long estimate) throws SQLException {
        String column = dialect.quoteIdentifier(key.name());
        String sql = "SELECT MIN(" + column + "), MAX(" + column + ") FROM " + dialect.rowsOf(table.name());
        BigInteger least;
        BigInteger greatest;
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            least = integer(row.getString(1));
            greatest = integer(row.getString(2));
        } catch (NumberFormatException notAnInteger) {
            // A key value that is not a whole number (SQLite keeps any value in any column): read the table whole.
            return Chunks.WHOLE;
        }
        return chunks(SplitBy.key(column), least, greatest, estimate);
    }

    private Chunks chunks(SplitBy by, BigInteger least, BigInteger greatest, long estimate) {
        List<KeyRange> ranges = KeyRanges.split(least, greatest, estimate, chunkRows);
        return ranges.size() == 1 ? Chunks.WHOLE : new Chunks(by, ranges);
    }

    private static BigInteger integer(String text) {
        return text == null ? null : new BigInteger(text.strip());
    }
}
