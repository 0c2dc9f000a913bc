package dev.ferry.core.operation.command;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code COPY <table> [(<columns>)] TO '<file>' [(<options>)]} or {@code COPY (<query>) TO '<file>' [(<options>)]}:
 * rows written to a file on the client.
 *
 * @param table   the table exactly as written (quoted identifiers kept), ready to be used in SQL; null for a query
 * @param columns the column names exactly as written (quoted identifiers kept); empty for all columns or a query
 * @param query   the query's text as written between the parentheses; null for a table
 * @param file    the file to write
 * @param options option names (upper case) to their values, in the order written
 */
public record CopyToCommand(String table, List<String> columns, String query, Argument file,
                            Map<String, String> options) implements FerryCommand {

    public CopyToCommand {
        if ((table == null) == (query == null)) {
            throw new IllegalArgumentException("A COPY TO copies either a table or a query");
        }
        columns = List.copyOf(columns);
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
    }

    /** {@code COPY <table> [(<columns>)] TO ...}. */
    public static CopyToCommand ofTable(String table, List<String> columns, Argument file, Map<String, String> options) {
        return new CopyToCommand(table, columns, null, file, options);
    }

    /** {@code COPY (<query>) TO ...}. */
    public static CopyToCommand ofQuery(String query, Argument file, Map<String, String> options) {
        return new CopyToCommand(null, List.of(), query, file, options);
    }

    /** Whether this copies a query's rows rather than a table's. */
    public boolean isQuery() {
        return query != null;
    }

    @Override
    public int parameterCount() {
        return file.isParameter() ? 1 : 0;
    }

    @Override
    public CopyToCommand bind(List<?> parameters) throws SQLException {
        return new CopyToCommand(table, columns, query, Argument.literal(file.resolve(parameters)), options);
    }
}
