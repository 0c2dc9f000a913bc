package dev.ferry.core.model.options;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a CSV file is compressed as a whole: the COMPRESSION option of FORMAT csv, spelled as DuckDB spells it. A
 * compressed file's name ends in the codec's suffix ({@code .csv.gz}, {@code .csv.zst}), and {@link #AUTO}, the
 * default, takes the codec from that suffix.
 */
public enum CsvCompression {
    /** Plain UTF-8 text ({@code none} or {@code uncompressed}). */
    NONE(""),
    /** A gzip file (RFC 1952), {@code .gz}. */
    GZIP(".gz"),
    /** A Zstandard file (RFC 8878), {@code .zst}. */
    ZSTD(".zst"),
    /** The codec the file's name ends in: {@code .gz} gzip, {@code .zst} zstd, any other name none. */
    AUTO("");

    private final String suffix;

    CsvCompression(String suffix) {
        this.suffix = suffix;
    }

    /** The name as written in options: {@code gzip}, {@code zstd}, {@code none}, {@code auto}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a file name written with this codec ends in after {@code .csv}: {@code .gz}, {@code .zst}, or nothing. */
    public String suffix() {
        return suffix;
    }

    /**
     * The codec of the files an export writes, which Ferry names itself: this one, or for {@link #AUTO}, which has no
     * name to go by, {@link #NONE}.
     */
    public CsvCompression exported() {
        return this == AUTO ? NONE : this;
    }

    /** The codec {@code file} is read or written with: this one, or for {@link #AUTO} the one its name says. */
    public CsvCompression of(Path file) {
        if (this != AUTO) {
            return this;
        }
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        for (CsvCompression codec : new CsvCompression[] {GZIP, ZSTD}) {
            if (text.endsWith(codec.suffix)) {
                return codec;
            }
        }
        return NONE;
    }

    /** The codec an option's value names ({@code uncompressed} is {@code none}), or null for another value. */
    static CsvCompression named(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        if (name.equals("UNCOMPRESSED")) {
            return NONE;
        }
        for (CsvCompression codec : values()) {
            if (codec.name().equals(name)) {
                return codec;
            }
        }
        return null;
    }
}
