package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.TableDumper;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
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
 * PostgreSQL's bulk path for an export: {@code COPY (SELECT ...) TO STDOUT (FORMAT csv, FORCE_QUOTE *)} through
 * pgjdbc's CopyManager, each column selected through {@link PostgresCsvText} so that the server writes the records
 * Ferry's CSV writer would. The COPY runs on the export job's connection, in its transaction and snapshot.
 */
final class PostgresCopyDumper implements TableDumper {
    private static final int PROGRESS_EVERY = 10_000;
    /** CSV delimiters and quotes COPY takes as they are and Ferry's writer treats alike (never a letter or digit). */
    private static final String PLAIN_MARKS = ",;|\t\"'`~!#$%&*+/:<=>?@^_-";

    private final Connection connection;
    private final PostgresDialect dialect;
    private final PgjdbcCopyApi api;

    private PostgresCopyDumper(Connection connection, PostgresDialect dialect, PgjdbcCopyApi api) {
        this.connection = connection;
        this.dialect = dialect;
        this.api = api;
    }

    /** The dumper for a pgjdbc connection; empty where the connection is not pgjdbc's. */
    static Optional<TableDumper> of(Connection connection, PostgresDialect dialect) throws SQLException {
        return PgjdbcCopyApi.of(connection).map(api -> new PostgresCopyDumper(connection, dialect, api));
    }

    @Override
    public Optional<Dump> prepare(String select, List<String> columnNames, FormatOptions options)
            throws SQLException {
        if (columnNames.isEmpty() || !plain(options.delimiter()) || !plain(options.quote())
                || options.delimiter() == options.quote() || !sessionWritesFerrysText()) {
            return Optional.empty();
        }
        List<String> expressions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            ResultSetMetaData metaData = statement.getMetaData();
            List<ValueKind> kinds = dialect.valueKinds(metaData);
            for (int i = 0; i < kinds.size(); i++) {
                Optional<String> expression = PostgresCsvText.of(kinds.get(i), metaData.getColumnTypeName(i + 1),
                        dialect.quoteIdentifier(columnNames.get(i)));
                if (expression.isEmpty()) {
                    return Optional.empty();
                }
                expressions.add(expression.get());
            }
        }
        String copy = "COPY (SELECT " + String.join(", ", expressions) + " FROM (" + select + ") AS ferry_rows)"
                + " TO STDOUT (FORMAT csv, FORCE_QUOTE *, DELIMITER " + dialect.quoteLiteral(options.delimiter() + "")
                + ", QUOTE " + dialect.quoteLiteral(options.quote() + "") + ")";
        return Optional.of(new CopyDump(copy));
    }

    @Override
    public void cancel() {
        api.cancelQuery();
    }

    private static boolean plain(char mark) {
        return PLAIN_MARKS.indexOf(mark) >= 0;
    }

    /**
     * Whether the session writes dates and times in ISO (as pgjdbc insists), and the text COPY writes is the UTF-8
     * pgjdbc decodes (a SQL_ASCII database holds bytes in no encoding, which the two paths would not write alike).
     */
    private boolean sessionWritesFerrysText() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet settings = statement.executeQuery("SELECT current_setting('DateStyle'),"
                     + " current_setting('client_encoding'), current_setting('server_encoding')")) {
            settings.next();
            return settings.getString(1).startsWith("ISO") && settings.getString(2).equals("UTF8")
                    && !settings.getString(3).equals("SQL_ASCII");
        }
    }

    /** One COPY TO STDOUT, read a row at a time (pgjdbc hands over each row's record as it comes). */
    private final class CopyDump implements Dump {
        private final String sql;

        CopyDump(String sql) {
            this.sql = sql;
        }

        @Override
        public long writeTo(OutputStream out, ProgressListener progress, String progressName)
                throws SQLException, IOException {
            Method readFromCopy = api.method("copy.CopyOut", "readFromCopy");
            Object copy = PgjdbcCopyApi.invoke(api.method("copy.CopyManager", "copyOut", String.class),
                    api.copyManager(), sql);
            try {
                long rows = 0;
                for (byte[] row; (row = (byte[]) PgjdbcCopyApi.invoke(readFromCopy, copy)) != null; ) {
                    out.write(row);
                    if (++rows % PROGRESS_EVERY == 0) {
                        progress.rowsDone(progressName, rows);
                    }
                }
                long copied = (Long) PgjdbcCopyApi.invoke(api.method("copy.CopyOperation", "getHandledRowCount"), copy);
                if (copied != rows) {
                    throw new SQLException("COPY wrote " + copied + " rows in " + rows + " records", "22000");
                }
                return rows;
            } finally {
                if ((Boolean) PgjdbcCopyApi.invoke(api.method("copy.CopyOperation", "isActive"), copy)) {
                    PgjdbcCopyApi.invoke(api.method("copy.CopyOperation", "cancelCopy"), copy);
                }
            }
        }
    }
}
