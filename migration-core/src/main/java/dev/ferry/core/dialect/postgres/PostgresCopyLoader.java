package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.dialect.TableLoader;
import dev.ferry.core.format.DataFile;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.format.csv.CsvRecordWriter;
import dev.ferry.core.format.files.FormattedFile;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;

/**
 * PostgreSQL's bulk path: rows go to {@code COPY <table> FROM STDIN (FORMAT csv)} through pgjdbc's CopyManager,
 * in PostgreSQL's own text forms. A CSV file is streamed as its bytes where they are those forms already
 * ({@link CsvCopyStream}), else read row by row and each value written again ({@link PostgresCopyText}). pgjdbc is
 * reached through {@link PgjdbcCopyApi}.
 */
final class PostgresCopyLoader implements TableLoader {
    /**
     * A switch for the tests, which compare both paths: {@code -Ddev.ferry.postgres.copyFileBytes=false} reads every
     * file row by row.
     */
    static final String FILE_BYTES_PROPERTY = "dev.ferry.postgres.copyFileBytes";
    private static final String DELIMITERS = ",;|\t";
    private static final String QUOTES = "\"'";
    private static final int FLUSH_BYTES = 1 << 16;
    private static final int PROGRESS_EVERY = 10_000;

    private final Connection connection;
    private final Object copyManager;
    private final Method copyIn;
    private final Method writeToCopy;
    private final Method endCopy;
    private final Method cancelCopy;
    private final Method isActive;

    private PostgresCopyLoader(Connection connection, PgjdbcCopyApi api) throws SQLException {
        this.connection = connection;
        this.copyManager = api.copyManager();
        this.copyIn = api.method("copy.CopyManager", "copyIn", String.class);
        this.writeToCopy = api.method("copy.CopyIn", "writeToCopy", byte[].class, int.class, int.class);
        this.endCopy = api.method("copy.CopyIn", "endCopy");
        this.cancelCopy = api.method("copy.CopyIn", "cancelCopy");
        this.isActive = api.method("copy.CopyIn", "isActive");
    }

    /** The loader for a pgjdbc connection; empty where the connection is not pgjdbc's. */
    static Optional<TableLoader> of(Connection connection) throws SQLException {
        Optional<PgjdbcCopyApi> api = PgjdbcCopyApi.of(connection);
        return api.isEmpty() ? Optional.empty() : Optional.of(new PostgresCopyLoader(connection, api.get()));
    }

    /**
     * A CSV file whose delimiter and quote COPY takes is streamed as its bytes: where the file is not in Ferry's CSV
     * form throughout, the COPY is undone (to a savepoint, in a transaction; in autocommit mode the cancelled COPY
     * loaded nothing) and the file read row by row instead, as every file was before.
     */
    @Override
    public long load(LoadTarget target, DataFile data, ProgressListener progress, Checkpoint checkpoint)
            throws IOException, SQLException {
        if (!(data instanceof FormattedFile file) || !streamable(file.options())
                || "false".equals(System.getProperty(FILE_BYTES_PROPERTY))) {
            return TableLoader.super.load(target, data, progress, checkpoint);
        }
        FormatOptions options = file.options();
        CsvCopyStream stream = new CsvCopyStream(file.file(), options.csvCompression(), options.header(),
                options.delimiter(), options.quote(), target, file.sha256());
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        long rows;
        try {
            rows = copy(target, sql(target, options), sink -> stream.copy(sink, progress));
        } catch (CsvCopyStream.NotCopyText e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            rows = TableLoader.super.load(target, data, progress, checkpoint);
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        return rows;
    }

    private static boolean streamable(FormatOptions options) {
        return options.format() == DataFormat.CSV && DELIMITERS.indexOf(options.delimiter()) >= 0
                && QUOTES.indexOf(options.quote()) >= 0;
    }

    private static String sql(LoadTarget target, FormatOptions options) {
        return "COPY " + target.table() + " (" + String.join(", ", target.sqlNames()) + ") FROM STDIN (FORMAT csv,"
                + " HEADER " + options.header() + ", DELIMITER " + literal(options.delimiter()) + ", QUOTE "
                + literal(options.quote()) + ")";
    }

    private static String literal(char c) {
        return c == '\'' ? "''''" : "'" + c + "'";
    }

    /** Today's path: each row read by Ferry's reader, each value written again as COPY text. */
    @Override
    public long load(LoadTarget target, TableReader reader, ProgressListener progress)
            throws IOException, SQLException {
        // With a header line, PostgreSQL's "COPY t, line N" counts lines as the data file (written with one) does.
        try {
            return copy(target, sql(target, FormatOptions.DEFAULTS), sink -> printRows(target, reader, sink, progress));
        } catch (CsvCopyStream.NotCopyText e) {
            throw new AssertionError("rows printed by Ferry are COPY text", e);
        }
    }

    static long printRows(LoadTarget target, TableReader reader, CsvCopyStream.Sink sink,
                                  ProgressListener progress) throws IOException, SQLException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES * 2);
        Writer writer = new OutputStreamWriter(buffer, StandardCharsets.UTF_8);
        CsvRecordWriter printer = new CsvRecordWriter(writer, FormatOptions.DEFAULTS);
        printer.write(target.names());
        String[] fields = new String[target.kinds().size()];
        long rows = 0;
        for (Object[] row; (row = reader.next()) != null; ) {
            for (int i = 0; i < fields.length; i++) {
                fields[i] = row[i] == null ? null
                        : PostgresCopyText.of(target.kinds().get(i), target.jdbcTypes()[i], row[i]);
            }
            printer.write(fields);
            if (++rows % PROGRESS_EVERY == 0) {
                progress.rowsDone(target.table(), rows);
            }
            writer.flush();
            if (buffer.size() >= FLUSH_BYTES) {
                sink.write(buffer.toByteArray(), buffer.size());
                buffer.reset();
            }
        }
        writer.flush();
        if (buffer.size() > 0) {
            sink.write(buffer.toByteArray(), buffer.size());
        }
        return rows;
    }

    /** What writes a COPY's data: the rows it wrote. */
    @FunctionalInterface
    private interface CopyBody {
        long write(CsvCopyStream.Sink sink) throws IOException, SQLException, CsvCopyStream.NotCopyText;
    }

    /** Runs {@code sql}, a COPY FROM STDIN, with the data {@code body} writes; cancelled where it fails. */
    private long copy(LoadTarget target, String sql, CopyBody body)
            throws IOException, SQLException, CsvCopyStream.NotCopyText {
        Object copy = PgjdbcCopyApi.invoke(copyIn, copyManager, sql);
        try {
            long rows = body.write((bytes, length) -> PgjdbcCopyApi.invoke(writeToCopy, copy, bytes, 0, length));
            long copied = (Long) PgjdbcCopyApi.invoke(endCopy, copy);
            if (copied != rows) {
                throw new SQLException("COPY loaded " + copied + " rows of the " + rows + " read into "
                        + target.table(), "22000");
            }
            return rows;
        } finally {
            if ((Boolean) PgjdbcCopyApi.invoke(isActive, copy)) {
                PgjdbcCopyApi.invoke(cancelCopy, copy);
            }
        }
    }

}
