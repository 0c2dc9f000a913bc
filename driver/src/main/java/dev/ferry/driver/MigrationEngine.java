package dev.ferry.driver;

import dev.ferry.core.MigrationResult;
import dev.ferry.core.exporting.DatabaseExporter;
import dev.ferry.core.importing.DatabaseImporter;
import dev.ferry.core.options.FormatOptions;
import dev.ferry.core.progress.ProgressListener;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** What runs an export or import: the core library, or a stand-in in tests. */
interface MigrationEngine {

    /** The core library's exporter and importer. */
    MigrationEngine CORE = new MigrationEngine() {
        @Override
        public MigrationResult exportDatabase(Connection connection, Path directory, FormatOptions options,
                ProgressListener progress) throws SQLException {
            return new DatabaseExporter(connection).export(directory, options, progress);
        }

        @Override
        public MigrationResult importDatabase(Connection connection, Path directory, ProgressListener progress)
                throws SQLException {
            return new DatabaseImporter(connection).importFrom(directory, progress);
        }
    };

    MigrationResult exportDatabase(Connection connection, Path directory, FormatOptions options,
            ProgressListener progress) throws SQLException;

    MigrationResult importDatabase(Connection connection, Path directory, ProgressListener progress)
            throws SQLException;
}
