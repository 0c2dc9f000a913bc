package dev.ferry.core.operation.command;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code EXPORT DATABASE '<dir>' [(<options>)]}.
 *
 * @param directory the target directory
 * @param options   option names (upper case) to their values, in the order written
 */
public record ExportDatabaseCommand(Argument directory, Map<String, String> options) implements FerryCommand {

    @Override
    public int parameterCount() {
        return directory.isParameter() ? 1 : 0;
    }

    @Override
    public ExportDatabaseCommand bind(List<?> parameters) throws SQLException {
        return new ExportDatabaseCommand(Argument.literal(directory.resolve(parameters)), options);
    }
}
