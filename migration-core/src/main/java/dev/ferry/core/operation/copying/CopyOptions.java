package dev.ferry.core.operation.copying;

import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The options of a COPY: those of EXPORT DATABASE, the format and a CSV file's compression taken from the file's
 * extension when none is given.
 */
public final class CopyOptions {
    private static final String STATEMENT = "COPY";

    private CopyOptions() {
    }

    /**
     * The options as given, with {@code FORMAT} added from {@code file}'s extension when they do not name one:
     * {@code .parquet} is Parquet, {@code .csv} and every other name CSV; and a CSV file's COMPRESSION, where it is
     * not given or is {@code auto}, from its extension: {@code .gz} gzip, {@code .zst} zstd, else none.
     *
     * @throws SQLException (22023) for an unknown option, a bad value or an option of the other format
     */
    public static FormatOptions forFile(Map<String, String> options, Path file) throws SQLException {
        boolean formatGiven = options.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("FORMAT"));
        if (formatGiven) {
            return FormatOptions.from(options, STATEMENT).forFile(file);
        }
        Map<String, String> withFormat = new LinkedHashMap<>();
        withFormat.put("FORMAT", formatOf(file).optionValue());
        withFormat.putAll(options);
        return FormatOptions.from(withFormat, STATEMENT).forFile(file);
    }

    /** {@link #forFile} for {@code COPY ... TO}, which refuses the options only a reader takes. */
    public static FormatOptions forWriting(Map<String, String> options, Path file) throws SQLException {
        FormatOptions.refuseReaderOptions(options, STATEMENT + " ... TO");
        return forFile(options, file);
    }

    /** The format a file's name tells. */
    static DataFormat formatOf(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return text.endsWith("." + DataFormat.PARQUET.extension()) ? DataFormat.PARQUET : DataFormat.CSV;
    }
}
