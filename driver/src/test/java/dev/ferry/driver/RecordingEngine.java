package dev.ferry.driver;

import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.command.CopyFromCommand;
import dev.ferry.core.operation.command.CopyToCommand;
import dev.ferry.core.operation.verify.VerifyResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Stands in for the core library: records each call and answers with {@link #result} or throws {@link #failure}. */
final class RecordingEngine implements MigrationEngine {
    /** One call: "export", "import", "copyTo" or "copyFrom", and what it was given (a COPY's file as directory). */
    record Call(String action, Connection connection, Path directory, FormatOptions options,
            ProgressListener progress) {
    }

    final List<Call> calls = new ArrayList<>();
    MigrationResult result = new MigrationResult(Path.of("unused"), List.of(), List.of());
    Exception failure;
    /** The options of the last export. */
    ExportOptions exportOptions;
    ImportOptions importOptions;
    /** Where the last export would have opened further connections. */
    ConnectionSource moreConnections;

    @Override
    public MigrationResult exportDatabase(Connection connection, ConnectionSource moreConnections, Path directory,
            ExportOptions options, ProgressListener progress) throws SQLException {
        calls.add(new Call("export", connection, directory, options.format(), progress));
        exportOptions = options;
        this.moreConnections = moreConnections;
        return answer();
    }

    @Override
    public MigrationResult importDatabase(Connection connection, ConnectionSource moreConnections, Path directory,
            ImportOptions options, ProgressListener progress) throws SQLException {
        calls.add(new Call("import", connection, directory, null, progress));
        importOptions = options;
        this.moreConnections = moreConnections;
        return answer();
    }

    /** Whether the last verification allowed edited scripts. */
    boolean verifyAllowsEditedScripts;
    /** What {@link #verifyDatabase} answers. */
    VerifyResult verifyResult = new VerifyResult("unused", List.of(), List.of(), List.of());

    @Override
    public VerifyResult verifyDatabase(Connection connection, Path directory, boolean allowEditedScripts)
            throws SQLException {
        calls.add(new Call("verify", connection, directory, null, ProgressListener.NONE));
        verifyAllowsEditedScripts = allowEditedScripts;
        if (failure instanceof SQLException e) {
            throw e;
        }
        return verifyResult;
    }

    @Override
    public MigrationResult copyTo(Connection connection, CopyToCommand command, Path file, FormatOptions options,
            ProgressListener progress) throws SQLException {
        calls.add(new Call("copyTo", connection, file, options, progress));
        return answer();
    }

    @Override
    public MigrationResult copyFrom(Connection connection, CopyFromCommand command, Path file, FormatOptions options,
            ProgressListener progress) throws SQLException {
        calls.add(new Call("copyFrom", connection, file, options, progress));
        return answer();
    }

    Call onlyCall() {
        if (calls.size() != 1) {
            throw new AssertionError("expected one call, got " + calls);
        }
        return calls.get(0);
    }

    private MigrationResult answer() throws SQLException {
        if (failure instanceof SQLException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        return result;
    }
}
