package dev.ferry.core.operation.command;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code IMPORT DATABASE '<dir>' [(<options>)]}.
 *
 * @param directory the directory written by EXPORT DATABASE
 * @param options   option names (upper case) to their values, in the order written
 */
public record ImportDatabaseCommand(Argument directory, Map<String, String> options) implements FerryCommand {

    @Override
    public int parameterCount() {
        return directory.isParameter() ? 1 : 0;
    }

    @Override
    public ImportDatabaseCommand bind(List<?> parameters) throws SQLException {
        return new ImportDatabaseCommand(Argument.literal(directory.resolve(parameters)), options);
    }
}
