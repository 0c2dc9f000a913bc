package dev.ferry.core.model.options;

import java.util.Locale;

/** The format of an export's data files. */
public enum DataFormat {
    CSV("csv"),
    PARQUET("parquet");

    private final String extension;

    DataFormat(String extension) {
        this.extension = extension;
    }

    /** File name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The name as written in options: {@code csv}, {@code parquet}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
