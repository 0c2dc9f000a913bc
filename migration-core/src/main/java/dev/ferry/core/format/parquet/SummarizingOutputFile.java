package dev.ferry.core.format.parquet;

import dev.ferry.core.format.DigestingOutputStream;
import dev.ferry.core.format.FileSummary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** A new local file for parquet-hadoop to write, which counts and digests its bytes on the way (no Hadoop file system). */
final class SummarizingOutputFile implements OutputFile {
    private final Path path;
    private DigestingOutputStream digesting;

    SummarizingOutputFile(Path path) {
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        if (digesting != null) {
            throw new IllegalStateException(path + " is already being written");
        }
        digesting = new DigestingOutputStream(
                new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW), 1 << 16));
        return new PositionOutputStream() {
            private long position;

            @Override
            public long getPos() {
                return position;
            }

            @Override
            public void write(int b) throws IOException {
                digesting.write(b);
                position++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                digesting.write(b, off, len);
                position += len;
            }

            @Override
            public void flush() throws IOException {
                digesting.flush();
            }

            @Override
            public void close() throws IOException {
                digesting.close();
            }
        };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return path.toString();
    }

    /** Closes the file if it was opened, for a writer that failed before it could close it; errors join {@code failure}. */
    void closeQuietly(Throwable failure) {
        if (digesting != null) {
            try {
                digesting.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The bytes written and their SHA-256; valid once the file is closed. */
    FileSummary summary() {
        return digesting.summary();
    }
}
