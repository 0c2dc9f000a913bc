package dev.ferry.core.format.csv;

import dev.ferry.core.model.options.CsvCompression;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A CSV file's bytes through its codec ({@link CsvCompression}): gzip by java.util.zip, zstd by aircompressor (its
 * stream to read, {@link ZstdFrames} to write), both Java only. Whatever the codec fails on, truncated or corrupt data
 * or a file that is not in the codec at all, reaches the reader as a {@link CorruptCompressedData}.
 */
public final class CompressedStreams {
    private static final int BUFFER = 1 << 16;

    private CompressedStreams() {
    }

    /** The text of {@code file}: its bytes decompressed as {@code compression} says ({@code AUTO}: by its name). */
    public static InputStream open(Path file, CsvCompression compression) throws IOException {
        InputStream raw = Files.newInputStream(file);
        CsvCompression codec = compression.of(file);
        return codec == CsvCompression.NONE ? new BufferedInputStream(raw, BUFFER) : decompress(raw, codec);
    }

    /**
     * {@code raw}, a file's bytes as they are, decompressed by {@code codec} ({@code NONE}: {@code raw} itself);
     * closing the result closes {@code raw}.
     *
     * @param codec a codec other than {@code AUTO}, which the caller resolves by the file's name
     */
    public static InputStream decompress(InputStream raw, CsvCompression codec) {
        return switch (codec) {
            case NONE -> raw;
            case GZIP, ZSTD -> new Decompressing(raw, codec);
            case AUTO -> throw new IllegalArgumentException("AUTO is resolved by the file's name first");
        };
    }

    /**
     * A stream that writes what it is given to {@code raw} compressed by {@code codec} ({@code NONE}: {@code raw}
     * itself); closing it ends the compressed data and closes {@code raw}.
     *
     * @param codec a codec other than {@code AUTO}, which the caller resolves by the file's name
     */
    public static OutputStream compress(OutputStream raw, CsvCompression codec) throws IOException {
        return switch (codec) {
            case NONE -> raw;
            case GZIP -> new BufferedOutputStream(new GZIPOutputStream(raw, BUFFER), BUFFER);
            case ZSTD -> new ZstdFrames(raw);
            case AUTO -> throw new IllegalArgumentException("AUTO is resolved by the file's name first");
        };
    }

    /**
     * Where the decompressed text of {@code file} ends, read again from the start until the codec fails:
     * {@code after line N} (the lines it gave whole; a codec gives its data a block at a time, so the damage may lie
     * further on) or {@code from its start}; null where the whole file decompresses.
     */
    static String breakOff(Path file, CsvCompression codec) {
        long lines = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = decompress(Files.newInputStream(file), codec)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
            return null;
        } catch (IOException e) {
            return lines == 0 ? "from its start" : "after line " + lines;
        }
    }

    /**
     * Decompressed data, the codec's stream made on the first read (so that a file that is not in the codec fails
     * where reading it does, with the others), its failures turned into {@link CorruptCompressedData}.
     */
    private static final class Decompressing extends InputStream {
        private final InputStream raw;
        private final CsvCompression codec;
        private InputStream decompressed;

        Decompressing(InputStream raw, CsvCompression codec) {
            this.raw = raw;
            this.codec = codec;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                if (decompressed == null) {
                    InputStream buffered = new BufferedInputStream(raw, BUFFER);
                    decompressed = codec == CsvCompression.GZIP ? new GZIPInputStream(buffered, BUFFER)
                            : new ZstdInputStream(buffered);
                }
                return decompressed.read(buffer, offset, length);
            } catch (IOException | RuntimeException e) {
                throw new CorruptCompressedData(codec, e);
            }
        }

        @Override
        public void close() throws IOException {
            if (decompressed != null) {
                decompressed.close();
            }
            raw.close();
        }
    }
}
