package dev.ferry.driver;

import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.command.CopyFromCommand;
import dev.ferry.core.operation.command.CopyToCommand;
import dev.ferry.core.operation.copying.CopyFromFile;
import dev.ferry.core.operation.copying.CopyToFile;
import dev.ferry.core.operation.exporting.DatabaseExporter;
import dev.ferry.core.operation.importing.DatabaseImporter;
import dev.ferry.core.operation.verify.DatabaseVerifier;
import dev.ferry.core.operation.verify.VerifyResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** What runs an export, an import, a verification or a COPY: the core library, or a stand-in in tests. */
interface MigrationEngine {

    /** The core library's exporter, importer, verifier and copiers. */
    MigrationEngine CORE = new MigrationEngine() {
        @Override
        public MigrationResult exportDatabase(Connection connection, ConnectionSource moreConnections, Path directory,
                ExportOptions options, ProgressListener progress) throws SQLException {
            return new DatabaseExporter(connection, moreConnections).export(directory, options, progress);
        }

        @Override
        public MigrationResult importDatabase(Connection connection, ConnectionSource moreConnections,
                Path directory, ImportOptions options, ProgressListener progress) throws SQLException {
            return new DatabaseImporter(connection, moreConnections).importFrom(directory, options, progress);
        }

        @Override
        public VerifyResult verifyDatabase(Connection connection, Path directory, boolean allowEditedScripts)
                throws SQLException {
            return new DatabaseVerifier(connection).verify(directory, allowEditedScripts);
        }

        @Override
        public MigrationResult copyTo(Connection connection, CopyToCommand command, Path file, FormatOptions options,
                ProgressListener progress) throws SQLException {
            return new CopyToFile(connection).copy(command, file, options, progress);
        }

        @Override
        public MigrationResult copyFrom(Connection connection, CopyFromCommand command, Path file,
                FormatOptions options, ProgressListener progress) throws SQLException {
            return new CopyFromFile(connection).copy(command, file, options, progress);
        }
    };

    /**
     * @param moreConnections opens further connections like {@code connection}, for JOBS above 1;
     *                        {@link ConnectionSource#NONE} where there is no way to
     */
    MigrationResult exportDatabase(Connection connection, ConnectionSource moreConnections, Path directory,
            ExportOptions options, ProgressListener progress) throws SQLException;

    /**
     * @param moreConnections opens further connections like {@code connection}, for JOBS above 1;
     *                        {@link ConnectionSource#NONE} where there is no way to
     */
    MigrationResult importDatabase(Connection connection, ConnectionSource moreConnections, Path directory,
            ImportOptions options, ProgressListener progress) throws SQLException;

    /**
     * Compares the database with the export in {@code directory}; reads only.
     *
     * @param allowEditedScripts whether scripts edited since the export are taken as they are
     */
    VerifyResult verifyDatabase(Connection connection, Path directory, boolean allowEditedScripts)
            throws SQLException;

    MigrationResult copyTo(Connection connection, CopyToCommand command, Path file, FormatOptions options,
            ProgressListener progress) throws SQLException;

    MigrationResult copyFrom(Connection connection, CopyFromCommand command, Path file, FormatOptions options,
            ProgressListener progress) throws SQLException;
}
