package dev.ferry.core.operation.verify;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.format.KindConversion;
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The rows of a table in the database, streamed as an export reads them ({@link Dialect#selectColumn},
 * {@link Dialect#streamingQuery}), each value then turned into the kind the import loads its column with, and into
 * its canonical text form ({@link TableShape#text}), as the data file's values are in {@link FileRows}.
 */
final class DatabaseRows implements CanonicalRows {
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final List<ValueKind> read;
    private final List<ValueKind> loaded;
    private final List<String> names;
    private final TableShape shape;
    private long row;

    /**
     * @param from the table as a FROM clause names it ({@link Dialect#rowsOf}, which leaves out PostgreSQL's child
     *             tables)
     */
    DatabaseRows(Connection connection, Dialect dialect, TableShape shape, String from) throws SQLException {
        this.statement = dialect.streamingQuery(connection, "SELECT " + String.join(", ", shape.selects())
                + " FROM " + from);
        try {
            this.rows = statement.executeQuery();
            this.read = dialect.valueKinds(rows.getMetaData());
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
        this.loaded = shape.kinds();
        this.names = shape.names();
        this.shape = shape;
    }

    @Override
    public String[] next() throws SQLException {
        if (!rows.next()) {
            return null;
        }
        row++;
        Object[] values = new Object[loaded.size()];
        for (int i = 0; i < values.length; i++) {
            Object value;
            try {
                value = read.get(i).read(rows, i + 1);
                values[i] = value == null ? null : KindConversion.convertNamingTheValue(value, read.get(i),
                        loaded.get(i), KindConversion.BinaryText.HEX);
            } catch (RuntimeException e) {
                throw new SQLException("Cannot read column " + names.get(i) + " of row " + row + ": "
                        + e.getMessage(), "22000", e);
            }
        }
        return shape.text(values);
    }

    @Override
    public String position() {
        return "row " + row;
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            statement.close();
        }
    }
}
