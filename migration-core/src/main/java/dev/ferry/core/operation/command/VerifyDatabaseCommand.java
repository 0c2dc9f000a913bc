package dev.ferry.core.operation.command;

import java.sql.SQLException;
import java.util.List;

/**
 * {@code VERIFY DATABASE '<dir>'}: compares the connection's database with an export directory.
 *
 * @param directory the directory written by EXPORT DATABASE
 */
public record VerifyDatabaseCommand(Argument directory) implements FerryCommand {

    @Override
    public int parameterCount() {
        return directory.isParameter() ? 1 : 0;
    }

    @Override
    public VerifyDatabaseCommand bind(List<?> parameters) throws SQLException {
        return new VerifyDatabaseCommand(Argument.literal(directory.resolve(parameters)));
    }
}
