package dev.ferry.core.exporting;

import dev.ferry.core.MigrationResult;
import dev.ferry.core.options.FormatOptions;
import dev.ferry.core.progress.ProgressListener;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Writes a whole database to a directory: scripts, one data file per table and a manifest. */
public final class DatabaseExporter {
    private final Connection connection;

    public DatabaseExporter(Connection connection) {
        this.connection = connection;
    }

    /**
     * Exports every user table of the connection's database into {@code directory}, which must not exist or be empty.
     */
    public MigrationResult export(Path directory, FormatOptions options, ProgressListener progress) throws SQLException {
        throw new UnsupportedOperationException("not yet");
    }
}
