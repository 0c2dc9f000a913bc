package dev.ferry.core.operation.command;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code COPY <table> [(<columns>)] FROM '<file>' [(<options>)]}: a file on the client loaded into a table; as written
 * in an export's load script and by users.
 *
 * @param table   the table exactly as written (quoted identifiers kept), ready to be used in SQL
 * @param columns the column names exactly as written (quoted identifiers kept); empty for all columns
 * @param file    the data file
 * @param options option names (upper case) to their values, in the order written
 */
public record CopyFromCommand(String table, List<String> columns, Argument file, Map<String, String> options)
        implements FerryCommand {

    @Override
    public int parameterCount() {
        return file.isParameter() ? 1 : 0;
    }

    @Override
    public CopyFromCommand bind(List<?> parameters) throws SQLException {
        return new CopyFromCommand(table, columns, Argument.literal(file.resolve(parameters)), options);
    }
}
