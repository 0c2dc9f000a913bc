package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.dialect.TableLoader;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.DataFile;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MariaDB's bulk path: a table's rows streamed as {@code LOAD DATA LOCAL INFILE} text through Connector/J's
 * local-infile stream, in statements of up to 50,000 rows, each checked for skipped rows and warnings
 * ({@link MariaDbInfileOutcome}), reaching a checkpoint every 50,000 rows as batched INSERTs commit. A table is taken
 * only where the server's {@code local_infile} and Connector/J's {@code allowLocalInfile} are on, every column has an
 * exact form ({@link MariaDbInfileStatement}) and the statement runs; any other table is loaded with INSERTs as before.
 */
final class MariaDbInfileLoader implements TableLoader {
    private static final int MAX_ROWS_PER_STATEMENT = 50_000;
    private static final int MIN_ROWS_PER_STATEMENT = 1_000;
    private static final long BYTES_PER_STATEMENT = 64L << 20;
    /** The most warnings MariaDB keeps for a statement: enough for a Note on every value of a statement's rows. */
    private static final int MAX_WARNINGS = 65_535;
    /** As often as batched INSERTs commit: 50 batches of 1,000 rows. */
    private static final int CHECKPOINT_ROWS = 50_000;
    private static final long CHECKPOINT_BYTES = 256L << 20;

    private final Connection connection;
    private final ConnectorJInfile infile;
    private LoadTarget checked;
    private MariaDbInfileStatement statement;

    private MariaDbInfileLoader(Connection connection, ConnectorJInfile infile) {
        this.connection = connection;
        this.infile = infile;
    }

    /** The loader for a Connector/J connection; empty where the connection is not Connector/J 3's. */
    static Optional<TableLoader> of(Connection connection) {
        return ConnectorJInfile.of(connection).map(infile -> new MariaDbInfileLoader(connection, infile));
    }

    /**
     * Whether every column has an exact form, the server's {@code local_infile} and the driver's
     * {@code allowLocalInfile} are on, and the statement runs: it is run once with no rows, which loads nothing.
     * (Where either is off, the statement is not tried: Connector/J would log the server's refusal as a warning.)
     */
    @Override
    public boolean takes(LoadTarget target) throws SQLException {
        if (!infile.allowed(connection) || !serverAllows()) {
            return false;
        }
        Optional<MariaDbInfileStatement> load = MariaDbInfileStatement.of(target, typeNames(target));
        if (load.isEmpty()) {
            return false;
        }
        try (Statement jdbc = connection.createStatement()) {
            if (!infile.accepts(jdbc)) {
                return false;
            }
            infile.attach(jdbc, InputStream.nullInputStream());
            jdbc.executeUpdate(load.get().sql());
        } catch (SQLException refused) {
            return false;
        }
        checked = target;
        statement = load.get();
        return true;
    }

    @Override
    public long load(LoadTarget target, TableReader reader, ProgressListener progress) throws IOException, SQLException {
        return load(target, reader, progress, Checkpoint.NONE);
    }

    @Override
    public long load(LoadTarget target, DataFile data, ProgressListener progress, Checkpoint checkpoint)
            throws IOException, SQLException {
        try (TableReader reader = data.open(DataColumn.of(target.names(), target.kinds()))) {
            return load(target, reader, progress, checkpoint);
        }
    }

    private long load(LoadTarget target, TableReader reader, ProgressListener progress, Checkpoint checkpoint)
            throws IOException, SQLException {
        if (target != checked && !takes(target)) {
            throw new SQLException("LOAD DATA LOCAL INFILE cannot load " + target.table(), "HY000");
        }
        int perStatement = Math.max(MIN_ROWS_PER_STATEMENT,
                Math.min(MAX_ROWS_PER_STATEMENT, MAX_WARNINGS / Math.max(1, target.kinds().size())));
        MariaDbInfileRows rows = new MariaDbInfileRows(reader, target, statement.forms(), progress, perStatement,
                BYTES_PER_STATEMENT);
        long maxWarnings = sessionMaxWarnings();
        try (Statement jdbc = connection.createStatement();
             Dialect.SessionSettings ignored = () -> jdbc.execute(statement.restoreSession(maxWarnings))) {
            jdbc.execute("SET SESSION max_error_count = " + MAX_WARNINGS);
            long sinceCheckpoint = 0;
            long bytesSinceCheckpoint = 0;
            while (rows.hasMore()) {
                loadStatement(jdbc, rows);
                sinceCheckpoint += rows.statementRows();
                bytesSinceCheckpoint += rows.statementBytes();
                if (sinceCheckpoint >= CHECKPOINT_ROWS || bytesSinceCheckpoint >= CHECKPOINT_BYTES) {
                    checkpoint.reached();
                    sinceCheckpoint = 0;
                    bytesSinceCheckpoint = 0;
                }
            }
            rows.rethrowFailure();
        }
        return rows.rows();
    }

    /** One statement's rows, sent and checked. */
    private void loadStatement(Statement jdbc, MariaDbInfileRows rows) throws IOException, SQLException {
        rows.nextStatement();
        jdbc.clearWarnings();
        infile.attach(jdbc, rows);
        long loaded;
        try {
            loaded = jdbc.executeUpdate(statement.sql());
        } catch (SQLException e) {
            rows.rethrowFailure();
            throw MariaDbInfileOutcome.refused(e, rows);
        }
        rows.rethrowFailure();
        MariaDbInfileOutcome.check(jdbc, loaded, rows);
    }

    private long sessionMaxWarnings() throws SQLException {
        return variable("@@session.max_error_count");
    }

    private boolean serverAllows() throws SQLException {
        return variable("@@global.local_infile") != 0;
    }

    private long variable(String name) throws SQLException {
        try (Statement jdbc = connection.createStatement();
             ResultSet value = jdbc.executeQuery("SELECT " + name)) {
            value.next();
            return value.getLong(1);
        }
    }

    /** The type of each of the target's columns, as the server names it. */
    private List<String> typeNames(LoadTarget target) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement(
                "SELECT " + String.join(", ", target.sqlNames()) + " FROM " + target.table() + " WHERE 1 = 0");
             ResultSet empty = probe.executeQuery()) {
            ResultSetMetaData metaData = empty.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                names.add(String.valueOf(metaData.getColumnTypeName(i)));
            }
            return names;
        }
    }
}
