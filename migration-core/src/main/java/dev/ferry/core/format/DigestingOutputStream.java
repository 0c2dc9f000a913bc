package dev.ferry.core.format;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts the bytes written through it and computes their SHA-256, so a data file is summarised as it is written. */
public final class DigestingOutputStream extends FilterOutputStream {
    private final MessageDigest digest;
    private long bytes;

    public DigestingOutputStream(OutputStream out) {
        super(out);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        bytes += len;
    }

    /** What was written: call once, after the last write. */
    public FileSummary summary() {
        return new FileSummary(bytes, HexFormat.of().formatHex(digest.digest()));
    }
}
