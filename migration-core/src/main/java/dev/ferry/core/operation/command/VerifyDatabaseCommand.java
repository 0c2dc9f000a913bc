package dev.ferry.core.operation.command;

import dev.ferry.core.model.options.ImportOptions;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code VERIFY DATABASE '<dir>' [(ALLOW_EDITED_SCRIPTS)]}: compares the connection's database with an export
 * directory.
 *
 * @param directory the directory written by EXPORT DATABASE
 * @param options   option names (upper case) to their values, in the order written
 */
public record VerifyDatabaseCommand(Argument directory, Map<String, String> options) implements FerryCommand {

    /** Whether the user allows scripts edited since the export, as IMPORT's {@code ALLOW_EDITED_SCRIPTS} does. */
    public boolean allowEditedScripts() throws SQLException {
        return ImportOptions.forVerify(options).allowEditedScripts();
    }

    @Override
    public int parameterCount() {
        return directory.isParameter() ? 1 : 0;
    }

    @Override
    public VerifyDatabaseCommand bind(List<?> parameters) throws SQLException {
        return new VerifyDatabaseCommand(Argument.literal(directory.resolve(parameters)), options);
    }
}
