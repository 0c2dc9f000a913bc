package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.dialect.mariadb.MariaDbInfileStatement.Form;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.value.ZoneConversion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

/**
 * A data file's rows as the text {@link MariaDbInfileStatement} reads, streamed statement by statement: Connector/J
 * reads it while the statement runs, and each read turns only as many rows into text as it needs, so a table is never
 * held in memory (at most about 64 KB of text and one row). Each statement takes at most {@code rowsPerStatement}
 * rows and about {@code bytesPerStatement} bytes; {@link #nextStatement} starts the next one.
 *
 * <p>Connector/J loses the connection when a stream it reads throws, so a row that cannot be read (or written) ends
 * the stream after the last whole row instead, and {@link #rethrowFailure} throws it once the statement has ended.
 */
final class MariaDbInfileRows extends InputStream {
    private static final int FILL_BYTES = 1 << 16;
    private static final int SHRINK_BYTES = 1 << 22;
    /**
     * The most one read returns. Connector/J 3 sends each read as a packet from an 8 KB buffer that has 4 bytes of
     * header: a read of its full 8 KB makes it allocate a 128 KB buffer, and drop it, for every packet (2 GB for a
     * table of 120 MB, which the JVM's heap then grows to hold).
     */
    private static final int READ_BYTES = 8192 - 4;
    private static final int PROGRESS_EVERY = 10_000;
    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final TableReader reader;
    private final LoadTarget target;
    private final List<Form> forms;
    private final ProgressListener progress;
    private final long bytesPerStatement;
    private final String[] positions;

    private byte[] buffer = new byte[FILL_BYTES * 2];
    private int length;
    private int offset;
    private Object[] pending;
    private String pendingPosition;
    private boolean endOfFile;
    private Exception failure;
    private int statementRows;
    private long statementBytes;
    private long rows;

    MariaDbInfileRows(TableReader reader, LoadTarget target, List<Form> forms, ProgressListener progress,
                      int rowsPerStatement, long bytesPerStatement) {
        this.reader = reader;
        this.target = target;
        this.forms = List.copyOf(forms);
        this.progress = progress;
        this.bytesPerStatement = bytesPerStatement;
        this.positions = new String[rowsPerStatement];
    }

    /** Starts the rows of the next statement, after the last one the previous statement took. */
    void nextStatement() {
        statementRows = 0;
        statementBytes = 0;
        length = 0;
        offset = 0;
    }

    /** Whether rows are left for another statement: the file has more and nothing failed. */
    boolean hasMore() {
        if (failure != null || endOfFile) {
            return false;
        }
        if (pending == null) {
            pending = nextRow();
        }
        return pending != null;
    }

    /** The rows the current statement has taken. */
    int statementRows() {
        return statementRows;
    }

    /** The bytes the current statement has taken. */
    long statementBytes() {
        return statementBytes;
    }

    /** The rows taken by all statements so far. */
    long rows() {
        return rows;
    }

    /** Where the current statement's row {@code row} (counted from 1, as MariaDB counts) was found. */
    String position(int row) {
        return positions[row - 1];
    }

    /** Throws what stopped the stream early, if anything did. */
    void rethrowFailure() throws IOException, SQLException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof SQLException e) {
            throw e;
        }
        if (failure != null) {
            throw FerryErrors.data(String.valueOf(failure.getMessage()), failure);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int from, int wanted) {
        if (wanted == 0) {
            return 0;
        }
        if (offset == length && !fill()) {
            return -1;
        }
        int count = Math.min(Math.min(wanted, READ_BYTES), length - offset);
        System.arraycopy(buffer, offset, target, from, count);
        offset += count;
        return count;
    }

    /** Connector/J closes the stream after each statement; the rows go on in the next. */
    @Override
    public void close() {
    }

    /** Writes rows into the emptied buffer until it holds enough or the statement is full; false where none is left. */
    private boolean fill() {
        length = 0;
        offset = 0;
        if (buffer.length > SHRINK_BYTES) {
            buffer = new byte[FILL_BYTES * 2]; // a large value is behind: do not keep its room for the whole table
        }
        while (length < FILL_BYTES && statementRows < positions.length && statementBytes < bytesPerStatement) {
            Object[] row = pending != null ? pending : endOfFile || failure != null ? null : nextRow();
            pending = null;
            if (row == null) {
                break;
            }
            int start = length;
            try {
                write(row);
                if (++rows % PROGRESS_EVERY == 0) {
                    progress.rowsDone(target.table(), rows);
                }
            } catch (RuntimeException e) {
                length = start;
                failure = e;
                break;
            }
            statementBytes += length - start;
            positions[statementRows++] = pendingPosition;
        }
        return length > 0;
    }

    /** The reader's next row, its position kept; null at the end of the file or where reading failed. */
    private Object[] nextRow() {
        try {
            Object[] row = reader.next();
            if (row == null) {
                endOfFile = true;
                return null;
            }
            pendingPosition = reader.position();
            return row;
        } catch (IOException | SQLException | RuntimeException e) {
            failure = e;
            return null;
        }
    }

    private void write(Object[] row) {
        for (int i = 0; i < row.length; i++) {
            try {
                writeValue(i, row[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(pendingPosition + ", column " + target.names().get(i) + ": "
                        + e.getMessage(), e);
            }
        }
        put((byte) '\n');
    }

    private void writeValue(int i, Object value) {
        if (i > 0) {
            put((byte) '\t');
        }
        if (value == null) {
            put(NULL);
            return;
        }
        switch (forms.get(i)) {
            case HEX -> putHex((byte[]) value);
            case NUMBER -> putText(value instanceof Boolean b ? (b ? "1" : "0") : value.toString());
            // A timestamp with an offset (another engine's TIMESTAMP WITH TIME ZONE) into a DATETIME: at UTC, as
            // the translation says, rather than refused by the server as truncated.
            case TEXT -> putText(target.jdbcTypes()[i] == Types.TIMESTAMP
                    ? ZoneConversion.textAtUtc(target.kinds().get(i).format(value))
                    : target.kinds().get(i).format(value));
        }
    }

    /** Text in UTF-8, with NUL, tab, newline, carriage return and backslash escaped. */
    private void putText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length * 2);
        for (byte b : bytes) {
            byte escape = switch (b) {
                case 0 -> '0';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\\' -> '\\';
                default -> -1;
            };
            if (escape < 0) {
                buffer[length++] = b;
            } else {
                buffer[length++] = '\\';
                buffer[length++] = escape;
            }
        }
    }

    private void putHex(byte[] bytes) {
        ensure(bytes.length * 2);
        for (byte b : bytes) {
            buffer[length++] = HEX[(b >> 4) & 0xf];
            buffer[length++] = HEX[b & 0xf];
        }
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void ensure(long more) {
        if (length + more > buffer.length) {
            long size = Math.max(buffer.length * 2L, length + more);
            if (size > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("a row of more than 2 GB of text cannot be loaded");
            }
            buffer = Arrays.copyOf(buffer, (int) size);
        }
    }
}
