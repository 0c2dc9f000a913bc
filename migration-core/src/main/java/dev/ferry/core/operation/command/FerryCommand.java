package dev.ferry.core.operation.command;

import java.sql.SQLException;
import java.util.List;

/** A statement that Ferry runs itself instead of passing it to the database. */
public sealed interface FerryCommand permits ExportDatabaseCommand, ImportDatabaseCommand, CopyFromCommand,
        CopyToCommand, VerifyDatabaseCommand {

    /** How many {@code ?} parameters the statement has. */
    int parameterCount();

    /** This command with its {@code ?} parameters replaced by the given values (in order, 1-based as in JDBC). */
    FerryCommand bind(List<?> parameters) throws SQLException;
}
