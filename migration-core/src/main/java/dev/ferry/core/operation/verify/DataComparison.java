package dev.ferry.core.operation.verify;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares a table's rows in two databases, value by value in Ferry's exact text forms, streaming both sides in
 * the same order.
 */
public final class DataComparison {
    private static final int MAX_DIFFERENCES = 10;

    private final Connection source;
    private final Connection target;

    public DataComparison(Connection source, Connection target) {
        this.source = source;
        this.target = target;
    }

    /**
     * The differences between the two copies of {@code table} (as SQL, e.g. {@code "PUBLIC"."ORDERS"}); empty when
     * every row is equal. Rows are ordered by every column, so the table needs no key.
     *
     * @return up to ten differences, in words
     */
    public List<String> differences(String table) throws SQLException {
        List<String> differences = new ArrayList<>();
        Dialect dialect = Dialects.forConnection(source);
        Dialect targetDialect = Dialects.forConnection(target);
        try (PreparedStatement left = dialect.streamingQuery(source, orderedSelect(source, dialect, table));
             PreparedStatement right = targetDialect.streamingQuery(target, orderedSelect(target, targetDialect, table));
             ResultSet a = left.executeQuery();
             ResultSet b = right.executeQuery()) {
            List<ValueKind> kinds = dialect.valueKinds(a.getMetaData());
            long row = 0;
            while (differences.size() < MAX_DIFFERENCES) {
                boolean hasA = a.next();
                boolean hasB = b.next();
                row++;
                if (!hasA || !hasB) {
                    if (hasA != hasB) {
                        differences.add(table + ": " + (hasA ? "target" : "source") + " has only " + (row - 1) + " rows");
                    }
                    break;
                }
                for (int i = 0; i < kinds.size(); i++) {
                    String x = text(kinds.get(i), a, i + 1);
                    String y = text(kinds.get(i), b, i + 1);
                    if (!Objects.equals(x, y)) {
                        differences.add(table + " row " + row + " column " + a.getMetaData().getColumnLabel(i + 1)
                                + ": source " + x + ", target " + y);
                    }
                }
            }
        }
        return differences;
    }

    /** Every column, as the dialect selects it for export, ordered by all of them. */
    private static String orderedSelect(Connection connection, Dialect dialect, String table) throws SQLException {
        StringBuilder select = new StringBuilder();
        StringBuilder order = new StringBuilder();
        try (PreparedStatement probe = connection.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
             ResultSet empty = probe.executeQuery()) {
            ResultSetMetaData columns = empty.getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                select.append(i == 1 ? "" : ", ").append(dialect.selectColumn(columns.getColumnName(i),
                        columns.getColumnType(i), columns.getColumnTypeName(i)));
                order.append(i == 1 ? "" : ", ").append(i);
            }
        }
        return "SELECT " + select + " FROM " + table + " ORDER BY " + order;
    }

    private static String text(ValueKind kind, ResultSet row, int column) throws SQLException {
        Object value = kind.read(row, column);
        return value == null ? null : kind.format(value);
    }
}
