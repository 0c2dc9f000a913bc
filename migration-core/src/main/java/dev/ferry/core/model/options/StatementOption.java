package dev.ferry.core.model.options;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every option of Ferry's statements, the one place that names and describes them: the error that refuses an option
 * lists the valid ones from here, and the command line's {@code --help} prints them from here. An option two
 * statements take with different meanings (JOBS, RESUME) has an entry for each.
 */
public enum StatementOption {
    FORMAT("FORMAT", "csv or parquet", "the format of the data files (COPY: else the file's extension's)", null,
            Command.EXPORT, Command.COPY),
    HEADER("HEADER", "true or false", "whether the first line holds the column names (default true)",
            DataFormat.CSV, Command.EXPORT, Command.COPY),
    DELIMITER("DELIMITER", "one character", "the field separator (default ,; also DELIM, SEP)", DataFormat.CSV,
            Command.EXPORT, Command.COPY),
    QUOTE("QUOTE", "one character", "the quote character (default \")", DataFormat.CSV, Command.EXPORT,
            Command.COPY),
    ALLOW_QUOTED_NULLS(FormatOptions.ALLOW_QUOTED_NULLS, "false", "COPY ... FROM: \"\" is the empty string, never"
            + " NULL", DataFormat.CSV, Command.COPY),
    COMPRESSION("COMPRESSION", "for CSV gzip, zstd, none or auto; for Parquet snappy, zstd, gzip or uncompressed",
            "CSV: the whole file's codec (default auto: COPY by the file's name, .csv.gz or .csv.zst; EXPORT none);"
            + " Parquet: the codec of the pages (default snappy; also CODEC)", null, Command.EXPORT, Command.COPY),
    ROW_GROUP_SIZE("ROW_GROUP_SIZE", "rows", "the most rows in one row group (default 122880)", DataFormat.PARQUET,
            Command.EXPORT, Command.COPY),
    PARQUET_TYPES(ParquetTypes.OPTION, "duckdb or spark", "the types of UUID, TIME and nanosecond timestamps"
            + " (default duckdb; COPY ... TO)", DataFormat.PARQUET, Command.EXPORT, Command.COPY),
    SCHEMAS(ExportOptions.SCHEMAS, "schema names separated by commas; on MariaDB, databases",
            "the schemas to export (default: every user schema; MariaDB: the current database)", null,
            Command.EXPORT),
    TABLES(ExportOptions.TABLES, "names or patterns with * and ?, separated by commas: sales.orders, orders,"
            + " sales.*", "only these tables, views and sequences of the schemas exported (default: all)", null,
            Command.EXPORT),
    EXCLUDE_TABLES(ExportOptions.EXCLUDE_TABLES, "names or patterns, as TABLES", "leave these tables, views and"
            + " sequences out (wins over TABLES)", null, Command.EXPORT),
    SCHEMA_ONLY(ExportOptions.SCHEMA_ONLY, "true or false", "the schema alone: the scripts and schema.json, no data"
            + " files", null, Command.EXPORT),
    DATA_ONLY(ExportOptions.DATA_ONLY, "true or false", "the data alone: data files, load.sql and the sequences'"
            + " positions, for a database that has the schema", null, Command.EXPORT),
    DIALECT(ExportOptions.DIALECT, "h2, postgresql, mariadb, sqlite, duckdb or hsqldb", "the engine the scripts are"
            + " written for (default: the source's)", null, Command.EXPORT),
    EXPORT_JOBS(ExportOptions.JOBS, "1 to " + ExportOptions.MAX_JOBS, "connections reading tables at once, in one"
            + " snapshot (default: ferry.jobs, else the cores, at most " + ExportOptions.DEFAULT_JOBS_CAP + ")", null,
            Command.EXPORT),
    CHUNK_ROWS(ExportOptions.CHUNK_ROWS, "0 or more", "rows above which a table keyed by an integer is split into"
            + " several files (default " + ExportOptions.DEFAULT_CHUNK_ROWS + "; 0: never)", null, Command.EXPORT),
    EXPORT_RESUME(ExportOptions.RESUME, "true or false", "resume an export to the same directory that did not"
            + " finish", null, Command.EXPORT),
    ALLOW_EDITED_SCRIPTS(ImportOptions.ALLOW_EDITED_SCRIPTS, "true or false", "take scripts edited since the export"
            + " (their SHA-256 differs from the manifest's)", null, Command.IMPORT, Command.VERIFY),
    IMPORT_JOBS(ExportOptions.JOBS, "1 to " + ExportOptions.MAX_JOBS, "connections loading data files and building"
            + " indexes at once (default 1)", null, Command.IMPORT),
    IMPORT_RESUME(ImportOptions.RESUME, "true or false", "continue an import of the same export that was stopped"
            + " (killed, its connection lost)", null, Command.IMPORT);

    /** Ferry's statements that take options. */
    public enum Command {
        EXPORT("EXPORT DATABASE"),
        IMPORT("IMPORT DATABASE"),
        VERIFY("VERIFY DATABASE"),
        COPY("COPY");

        private final String statement;

        Command(String statement) {
            this.statement = statement;
        }

        /** The statement as written: {@code EXPORT DATABASE}, {@code COPY}. */
        public String statement() {
            return statement;
        }
    }

    private final String optionName;
    private final String valueWords;
    private final String description;
    private final DataFormat format;
    private final Set<Command> commands;

    StatementOption(String optionName, String values, String description, DataFormat format, Command... commands) {
        this.optionName = optionName;
        this.valueWords = values;
        this.description = description;
        this.format = format;
        this.commands = Set.copyOf(EnumSet.copyOf(Arrays.asList(commands)));
    }

    /** The option as a statement names it (in any case there). */
    public String optionName() {
        return optionName;
    }

    /** The values it takes, in words. */
    public String valueWords() {
        return valueWords;
    }

    /** What it does. */
    public String description() {
        return description;
    }

    /** The format whose files it shapes alone, or null where it is not a format's. */
    public DataFormat format() {
        return format;
    }

    /** Whether {@code command} takes it. */
    public boolean takenBy(Command command) {
        return commands.contains(command);
    }

    /** The options {@code command} takes, in this order. */
    public static List<StatementOption> of(Command command) {
        return Arrays.stream(values()).filter(option -> option.takenBy(command)).toList();
    }

    /** The options of the data files' format ({@link FormatOptions}), in this order. */
    static List<StatementOption> formatOptions() {
        return Arrays.stream(values()).filter(option -> option.takenBy(Command.COPY)).toList();
    }

    /** The names of the options that only {@code format}'s files take. */
    static Set<String> namesOf(DataFormat format) {
        return formatOptions().stream().filter(option -> option.format == format).map(StatementOption::optionName)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether {@code name} (upper case) is an option of {@code command}. */
    static boolean named(String name, Command command) {
        return of(command).stream().anyMatch(option -> option.optionName.equals(name));
    }

    /**
     * The format's options as an error lists them: {@code FORMAT (csv or parquet); for CSV: HEADER (true or false),
     * ...; for Parquet: ...}.
     */
    static String formatValid() {
        List<StatementOption> options = formatOptions();
        return listed(options.stream().filter(option -> option.format == null).toList())
                + "; for CSV: " + listed(options.stream().filter(option -> option.format == DataFormat.CSV).toList())
                + "; for Parquet: "
                + listed(options.stream().filter(option -> option.format == DataFormat.PARQUET).toList());
    }

    /** {@code command}'s options that are not the format's, as an error lists them: {@code NAME (values), ...}. */
    static String ownValid(Command command) {
        return listed(of(command).stream().filter(option -> !option.takenBy(Command.COPY)).toList());
    }

    /** {@code command}'s option names as a sentence lists them: {@code A, B and C}, or {@code A}. */
    static String names(Command command) {
        List<String> names = of(command).stream().map(StatementOption::optionName).toList();
        return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " and "
                + names.get(names.size() - 1);
    }

    private static String listed(List<StatementOption> options) {
        return options.stream().map(option -> option.optionName + " (" + option.valueWords + ")")
                .collect(Collectors.joining(", "));
    }
}
