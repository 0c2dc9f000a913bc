package dev.ferry.core.model.options;

import java.util.Locale;

/** The codec that compresses a Parquet file's pages: the COMPRESSION option. */
public enum ParquetCompression {
    SNAPPY,
    ZSTD,
    GZIP,
    UNCOMPRESSED;

    /** The name as written in options: {@code snappy}, {@code zstd} ... */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
