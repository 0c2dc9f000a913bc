package dev.ferry.core.importing;

import dev.ferry.core.MigrationResult;
import dev.ferry.core.progress.ProgressListener;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Loads a directory written by {@link dev.ferry.core.exporting.DatabaseExporter} into an empty database. */
public final class DatabaseImporter {
    private final Connection connection;

    public DatabaseImporter(Connection connection) {
        this.connection = connection;
    }

    /** Runs the directory's schema, load and post-data scripts against the connection's (empty) database. */
    public MigrationResult importFrom(Path directory, ProgressListener progress) throws SQLException {
        throw new UnsupportedOperationException("not yet");
    }
}
