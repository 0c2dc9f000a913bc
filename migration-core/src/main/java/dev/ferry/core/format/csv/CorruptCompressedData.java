package dev.ferry.core.format.csv;

import dev.ferry.core.model.options.CsvCompression;
import java.io.IOException;

/** A compressed CSV file's codec failed: its data is truncated or corrupt, or not in that codec at all. */
public final class CorruptCompressedData extends IOException {
    private final CsvCompression codec;

    CorruptCompressedData(CsvCompression codec, Exception cause) {
        super(codec.optionValue() + " data truncated or corrupt: " + (cause.getMessage() == null ? cause.toString()
                : cause.getMessage()), cause);
        this.codec = codec;
    }

    /** The codec that failed. */
    public CsvCompression codec() {
        return codec;
    }
}
