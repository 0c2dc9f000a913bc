package dev.ferry.core.dialect.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the DuckDB behind a connection, as {@code v1.4.2} in the driver's product version. Ferry's DuckDB
 * dialect reads the catalog of 0.8.1 and of 1.x, whose catalog functions differ in their columns.
 *
 * @param major the major version
 * @param minor the minor version
 */
record DuckDbVersion(int major, int minor) {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)");

    /** The version of the DuckDB behind {@code connection}. */
    static DuckDbVersion of(Connection connection) throws SQLException {
        return parse(connection.getMetaData().getDatabaseProductVersion());
    }

    /** {@code v0.8.1} gives 0.8; text without a version is taken as the newest. */
    static DuckDbVersion parse(String productVersion) {
        Matcher numbers = NUMBERS.matcher(productVersion == null ? "" : productVersion);
        return numbers.find() ? new DuckDbVersion(Integer.parseInt(numbers.group(1)), Integer.parseInt(numbers.group(2)))
                : new DuckDbVersion(Integer.MAX_VALUE, 0);
    }

    /** Whether this is {@code major.minor} or later. */
    boolean atLeast(int major, int minor) {
        return this.major > major || this.major == major && this.minor >= minor;
    }

    /**
     * Whether duckdb_constraints() names each constraint and the table and columns a foreign key refers to (0.10 and
     * later); 0.8.1 has only the constraint's text, which is empty for a foreign key that refers to its own table.
     */
    boolean describesForeignKeys() {
        return atLeast(0, 10);
    }

    /**
     * Whether duckdb_functions() shows a macro's parameters and body as they can be created again (1.0 and later);
     * 0.8.1 shows its parameters renamed inside the body.
     */
    boolean showsMacros() {
        return atLeast(1, 0);
    }
}
