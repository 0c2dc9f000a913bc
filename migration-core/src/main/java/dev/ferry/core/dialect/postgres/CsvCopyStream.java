package dev.ferry.core.dialect.postgres;

import dev.ferry.core.format.FileLabel;
import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.format.FileChecksum;
import dev.ferry.core.format.csv.CompressedStreams;
import dev.ferry.core.format.csv.CorruptCompressedData;
import dev.ferry.core.model.options.CsvCompression;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A CSV data file's bytes as {@code COPY ... FROM STDIN (FORMAT csv)} reads them, streamed in one pass: each field
 * whose text is already what the converting path would send ({@link CopyTextForm}) as it is, every other field
 * parsed and written again as before. The file is checked as it goes: every record in Ferry's CSV form (NULL an empty
 * unquoted field, every other value quoted, records ended by LF, the expected number of fields), the header naming
 * the target's columns, the text UTF-8; where it is not, {@link NotCopyText} says the table must be loaded through
 * Ferry's CSV reader instead. The file's SHA-256 is computed from the bytes streamed and checked at the end.
 */
final class CsvCopyStream {
    private static final int READ_BYTES = 1 << 17;
    private static final int FLUSH_BYTES = 1 << 17;
    private static final int PROGRESS_EVERY = 10_000;
    private static final byte[] HEX_PREFIX = {'\\', 'x'};

    /** Where the bytes go: pgjdbc's {@code writeToCopy}. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] bytes, int length) throws SQLException;
    }

    /** The file holds something only Ferry's CSV reader reads as Ferry means it (or refuses as it should). */
    static final class NotCopyText extends Exception {
        NotCopyText(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Path file;
    private final CsvCompression codec;
    private final boolean header;
    private final byte delimiter;
    private final byte quote;
    private final LoadTarget target;
    private final String sha256;
    private final CopyTextForm[] forms;
    private final int[] fieldStart;
    private final int[] fieldEnd;
    private final boolean[] doubled;

    private byte[] in = new byte[READ_BYTES];
    private int start;
    private int limit;
    private boolean eof;
    private byte[] out = new byte[FLUSH_BYTES * 2];
    private int outLength;

    /**
     * @param compression how the file is compressed ({@code AUTO}: as its name says)
     * @param delimiter   the file's delimiter, an ASCII character
     * @param quote       the file's quote, an ASCII character
     * @param sha256      the SHA-256 the file must have (as written, compressed), in hexadecimal; null where none is
     *                    known
     */
    CsvCopyStream(Path file, CsvCompression compression, boolean header, char delimiter, char quote,
                  LoadTarget target, String sha256) {
        this.file = file;
        this.codec = compression.of(file);
        this.header = header;
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
        this.target = target;
        this.sha256 = sha256;
        int columns = target.kinds().size();
        this.forms = new CopyTextForm[columns];
        for (int i = 0; i < columns; i++) {
            forms[i] = CopyTextForm.of(target.kinds().get(i), target.jdbcTypes()[i]);
        }
        this.fieldStart = new int[columns];
        this.fieldEnd = new int[columns];
        this.doubled = new boolean[columns];
    }

    /**
     * Streams the file to {@code sink}: its header, if it has one, then every record.
     *
     * @return the number of records after the header
     * @throws NotCopyText where a record is not in Ferry's CSV form, a value cannot be read, or the file cannot be
     *                     decompressed: the loader undoes what was sent, and Ferry's CSV reader says what and where
     * @throws SQLException (22000) where the file's SHA-256 is not {@code sha256}; or the sink's error
     */
    long copy(Sink sink, ProgressListener progress) throws IOException, SQLException, NotCopyText {
        MessageDigest digest = FileChecksum.sha256Digest();
        long rows = 0;
        DigestInputStream raw = new DigestInputStream(Files.newInputStream(file), digest);
        try (InputStream stream = CompressedStreams.decompress(raw, codec)) {
            boolean headerDone = !header;
            while (true) {
                if (start == limit && !eof) {
                    fill(stream);
                    continue;
                }
                if (start == limit) {
                    break;
                }
                int end = scan(start, !headerDone);
                if (end < 0) {
                    if (eof) {
                        throw new NotCopyText("the last record of " + FileLabel.of(file) + " is incomplete");
                    }
                    fill(stream);
                    continue;
                }
                if (headerDone) {
                    emit(start, end);
                    if (++rows % PROGRESS_EVERY == 0) {
                        progress.rowsDone(target.table(), rows);
                    }
                } else {
                    checkHeader();
                    append(in, start, end - start);
                    headerDone = true;
                }
                start = end;
                if (outLength >= FLUSH_BYTES) {
                    sink.write(out, outLength);
                    outLength = 0;
                }
            }
            if (!headerDone) {
                throw new NotCopyText(FileLabel.of(file) + " has no header line");
            }
            raw.transferTo(OutputStream.nullOutputStream());
        } catch (CorruptCompressedData e) {
            throw new NotCopyText(FileLabel.of(file) + ": " + e.getMessage());
        }
        if (outLength > 0) {
            sink.write(out, outLength);
        }
        if (sha256 != null && !HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(sha256)) {
            throw FerryErrors.data("data file " + FileLabel.of(file) + " does not match its checksum in the"
                    + " manifest; it has been altered");
        }
        return rows;
    }

    /** Keeps the record under way at the start of the buffer (growing it for a record larger than it) and reads on. */
    private void fill(InputStream stream) throws IOException {
        if (start > 0) {
            System.arraycopy(in, start, in, 0, limit - start);
            limit -= start;
            start = 0;
        }
        if (limit == in.length) {
            in = Arrays.copyOf(in, in.length * 2);
        }
        int read = stream.read(in, limit, in.length - limit);
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }

    /**
     * Finds the fields of the record starting at {@code from}.
     *
     * @param headerLine whether this is the header, whose names may also be unquoted
     * @return where the record ends (after its LF, or at the end of the file); -1 where it runs past the bytes read
     */
    private int scan(int from, boolean headerLine) throws NotCopyText {
        int at = from;
        for (int field = 0; field < forms.length; field++) {
            if (at == limit) {
                if (!eof || field < forms.length - 1) {
                    return -1;
                }
                fieldStart[field] = -1;
                return endOfRecord(at);
            }
            byte first = in[at];
            int end;
            if (first == quote) {
                end = quoted(field, at + 1);
            } else if (first == delimiter || first == '\n') {
                fieldStart[field] = -1;
                end = at;
            } else if (headerLine) {
                end = unquoted(field, at);
            } else {
                throw new NotCopyText("a value is not quoted");
            }
            if (end < 0) {
                return -1;
            }
            if (field < forms.length - 1) {
                if (end == limit) {
                    return eof ? notCopyText("a record has too few fields") : -1;
                }
                if (in[end] != delimiter) {
                    throw new NotCopyText("a record has too few fields or text after a quoted value");
                }
                at = end + 1;
            } else {
                return endOfRecord(end);
            }
        }
        throw new AssertionError("a table has columns");
    }

    /** Where the record whose last field ends at {@code end} ends: after its LF, or at the end of the file; or -1. */
    private int endOfRecord(int end) throws NotCopyText {
        if (end == limit) {
            return eof ? end : -1;
        }
        if (in[end] != '\n') {
            throw new NotCopyText("a record has too many fields, text after a quoted value or a CR before its LF");
        }
        return end + 1;
    }

    private static int notCopyText(String reason) throws NotCopyText {
        throw new NotCopyText(reason);
    }

    /** Scans a quoted value whose text starts at {@code at}: where it ends after its closing quote, or -1. */
    private int quoted(int field, int at) throws NotCopyText {
        boolean quotes = false;
        int i = at;
        while (true) {
            if (i >= limit) {
                return eof ? notCopyText("a quoted value is not closed") : -1;
            }
            byte b = in[i];
            if (b == quote) {
                if (i + 1 == limit && !eof) {
                    return -1;
                }
                if (i + 1 < limit && in[i + 1] == quote) {
                    quotes = true;
                    i += 2;
                    continue;
                }
                break;
            }
            int length = b >= 0 ? 1 : utf8(i);
            if (length == 0) {
                return -1;
            }
            i += length;
        }
        fieldStart[field] = at;
        fieldEnd[field] = i;
        doubled[field] = quotes;
        return i + 1;
    }

    /** Scans a header's unquoted name: where it ends, or -1. */
    private int unquoted(int field, int at) throws NotCopyText {
        int i = at;
        while (i < limit && in[i] != delimiter && in[i] != '\n') {
            if (in[i] == quote || in[i] == '\r') {
                throw new NotCopyText("the header is not in Ferry's CSV form");
            }
            int length = in[i] >= 0 ? 1 : utf8(i);
            if (length == 0) {
                return -1;
            }
            i += length;
        }
        if (i == limit && !eof) {
            return -1;
        }
        fieldStart[field] = at;
        fieldEnd[field] = i;
        doubled[field] = false;
        return i;
    }

    /** The length of the UTF-8 sequence at {@code i}, or 0 where it runs past the bytes read. */
    private int utf8(int i) throws NotCopyText {
        int length = Utf8Sequence.length(in, i, limit);
        if (length == Utf8Sequence.MALFORMED || length == Utf8Sequence.NEEDS_MORE && eof) {
            throw new NotCopyText("the file is not UTF-8");
        }
        return length;
    }

    /** Where the header does not name the target's columns, in order (in any case), Ferry's reader says so. */
    private void checkHeader() throws NotCopyText {
        for (int i = 0; i < forms.length; i++) {
            if (fieldStart[i] < 0 || !text(i).equalsIgnoreCase(target.names().get(i))) {
                throw new NotCopyText("the header does not name the table's columns");
            }
        }
    }

    /** Appends the record at {@code [from, end)}, its fields as COPY reads them. */
    private void emit(int from, int end) throws NotCopyText {
        int copied = from;
        for (int i = 0; i < forms.length; i++) {
            int s = fieldStart[i];
            if (s < 0) {
                continue;
            }
            CopyTextForm.Passing passing = doubled[i] && forms[i] != CopyTextForm.TEXT
                    && forms[i] != CopyTextForm.ARRAY_TEXT ? CopyTextForm.Passing.CONVERTED
                    : forms[i].passing(in, s, fieldEnd[i]);
            switch (passing) {
                case AS_IS -> {
                }
                case HEX_PREFIXED -> {
                    append(in, copied, s - copied);
                    append(HEX_PREFIX, 0, HEX_PREFIX.length);
                    copied = s;
                }
                case CONVERTED -> {
                    append(in, copied, s - copied);
                    appendConverted(i);
                    copied = fieldEnd[i];
                }
            }
        }
        append(in, copied, end - copied);
    }

    /** Appends field {@code i}'s value as the converting path writes it (without the quotes around it). */
    private void appendConverted(int i) throws NotCopyText {
        ValueKind kind = target.kinds().get(i);
        String text = text(i);
        String copyText;
        try {
            copyText = PostgresCopyText.of(kind, target.jdbcTypes()[i], kind.parse(text));
        } catch (RuntimeException e) {
            throw new NotCopyText("a value cannot be read as " + kind + ": " + e.getMessage());
        }
        String q = String.valueOf((char) quote);
        byte[] bytes = copyText.replace(q, q + q).getBytes(StandardCharsets.UTF_8);
        append(bytes, 0, bytes.length);
    }

    /** Field {@code i}'s text, its doubled quotes undone. */
    private String text(int i) {
        String text = new String(in, fieldStart[i], fieldEnd[i] - fieldStart[i], StandardCharsets.UTF_8);
        if (!doubled[i]) {
            return text;
        }
        String q = String.valueOf((char) quote);
        return text.replace(q + q, q);
    }

    private void append(byte[] bytes, int from, int length) {
        if (outLength + length > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outLength + length));
        }
        System.arraycopy(bytes, from, out, outLength, length);
        outLength += length;
    }
}
