package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.dialect.TableLoader;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.value.ValueKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * PostgreSQL's bulk path: rows go to {@code COPY <table> FROM STDIN (FORMAT csv)} through pgjdbc's CopyManager,
 * in PostgreSQL's own text forms, through {@link PgjdbcCopyApi}.
 */
final class PostgresCopyLoader implements TableLoader {
    private static final int FLUSH_BYTES = 1 << 16;
    private static final int PROGRESS_EVERY = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_TIME;
    private static final Pattern EXPLICIT_BOUNDS = Pattern.compile("(\\[-?\\d+:-?\\d+])+=");

    private final Object copyManager;
    private final Method copyIn;
    private final Method writeToCopy;
    private final Method endCopy;
    private final Method cancelCopy;
    private final Method isActive;

    private PostgresCopyLoader(PgjdbcCopyApi api) throws SQLException {
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
        return api.isEmpty() ? Optional.empty() : Optional.of(new PostgresCopyLoader(api.get()));
    }

    @Override
    public long load(LoadTarget target, TableReader reader, ProgressListener progress)
            throws IOException, SQLException {
        // With a header line, PostgreSQL's "COPY t, line N" counts lines as the data file (written with one) does.
        String sql = "COPY " + target.table() + " (" + String.join(", ", target.sqlNames())
                + ") FROM STDIN (FORMAT csv, HEADER true)";
        Object copy = PgjdbcCopyApi.invoke(copyIn, copyManager, sql);
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES * 2);
            Writer writer = new OutputStreamWriter(buffer, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.Builder.create().setQuoteMode(QuoteMode.ALL_NON_NULL)
                    .setRecordSeparator('\n').build());
            printer.printRecord(target.names());
            String[] fields = new String[target.kinds().size()];
            long rows = 0;
            for (Object[] row; (row = reader.next()) != null; ) {
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = row[i] == null ? null : copyText(target.kinds().get(i), target.jdbcTypes()[i], row[i]);
                }
                printer.printRecord((Object[]) fields);
                if (++rows % PROGRESS_EVERY == 0) {
                    progress.rowsDone(target.table(), rows);
                }
                writer.flush();
                if (buffer.size() >= FLUSH_BYTES) {
                    PgjdbcCopyApi.invoke(writeToCopy, copy, buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
            writer.flush();
            if (buffer.size() > 0) {
                PgjdbcCopyApi.invoke(writeToCopy, copy, buffer.toByteArray(), 0, buffer.size());
            }
            long copied = (Long) PgjdbcCopyApi.invoke(endCopy, copy);
            if (copied != rows) {
                throw new SQLException("COPY loaded " + copied + " rows of the " + rows + " read", "22000");
            }
            return rows;
        } finally {
            if ((Boolean) PgjdbcCopyApi.invoke(isActive, copy)) {
                PgjdbcCopyApi.invoke(cancelCopy, copy);
            }
        }
    }

    /**
     * The value as PostgreSQL's COPY reads it: where Ferry's CSV form differs (bytea, infinity, BC, arrays as lists),
     * converted.
     */
    private static String copyText(ValueKind kind, int jdbcType, Object value) {
        return switch (kind) {
            case ENGINE_TEXT -> jdbcType == Types.ARRAY ? arrayText(kind.format(value)) : kind.format(value);
            case BINARY -> "\\x" + HexFormat.of().formatHex((byte[]) value);
            case DATE -> date((LocalDate) value);
            case TIMESTAMP -> value.equals(LocalDateTime.MAX) ? "infinity" : value.equals(LocalDateTime.MIN) ? "-infinity"
                    : bc(((LocalDateTime) value).toLocalDate(), " " + TIME.format((LocalDateTime) value));
            case TIMESTAMP_WITH_TIME_ZONE -> value.equals(OffsetDateTime.MAX) ? "infinity"
                    : value.equals(OffsetDateTime.MIN) ? "-infinity"
                    : bc(((OffsetDateTime) value).toLocalDate(), " " + TIME.format((OffsetDateTime) value)
                            + ((OffsetDateTime) value).getOffset().getId().replace("Z", "+00:00"));
            default -> kind.format(value);
        };
    }

    /**
     * An array as PostgreSQL's text: a list in square brackets, as an export written for DuckDB holds arrays, turned
     * into braces; PostgreSQL's own text (which starts with a bracket only for explicit bounds, {@code [0:1]={1,2}})
     * as it is.
     */
    private static String arrayText(String text) {
        return text.startsWith("[") && !EXPLICIT_BOUNDS.matcher(text).lookingAt()
                ? ValueKind.ARRAY.format(ValueKind.ARRAY.parse(text)) : text;
    }

    private static String date(LocalDate date) {
        return date.equals(LocalDate.MAX) ? "infinity" : date.equals(LocalDate.MIN) ? "-infinity" : bc(date, "");
    }

    /** A date as PostgreSQL writes it: year 0 and before as {@code 0001 BC} and before, with the time in between. */
    private static String bc(LocalDate date, String time) {
        if (date.getYear() > 0) {
            return String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()) + time;
        }
        return String.format("%04d-%02d-%02d", 1 - date.getYear(), date.getMonthValue(), date.getDayOfMonth())
                + time + " BC";
    }
}
