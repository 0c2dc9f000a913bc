package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability: DuckDB (its own JDBC driver and {@code read_parquet}) opens the Parquet file of an H2 export and
 * sees every column with the type and the values of the source.
 */
class DuckDbReadsParquetIT {
    @TempDir
    Path temp;

    /** (H2 column type, DuckDB's type of the Parquet column, H2 literal, DuckDB's text of the value). */
    private static final String[][] COLUMNS = {
            {"BOOLEAN", "BOOLEAN", "TRUE", "true"},
            {"SMALLINT", "INTEGER", "-32768", "-32768"},
            {"INTEGER", "INTEGER", "2147483647", "2147483647"},
            {"BIGINT", "BIGINT", "-9223372036854775808", "-9223372036854775808"},
            {"NUMERIC(9, 2)", "DECIMAL(9,2)", "-1234567.89", "-1234567.89"},
            {"NUMERIC(18, 4)", "DECIMAL(18,4)", "12345678901234.5678", "12345678901234.5678"},
            {"NUMERIC(38, 10)", "DECIMAL(38,10)", "-1234567890123456789012345678.0123456789",
                    "-1234567890123456789012345678.0123456789"},
            {"DECFLOAT", "VARCHAR", "1.5E+40", "15000000000000000000000000000000000000000"},
            {"REAL", "FLOAT", "0.1", "0.1"},
            {"DOUBLE PRECISION", "DOUBLE", "'-Infinity'", "-inf"},
            {"VARCHAR(100)", "VARCHAR", "'a,b\"c''d 😀 שלום'", "a,b\"c'd 😀 שלום"},
            {"VARCHAR(100)", "VARCHAR", "''", ""},
            {"VARBINARY(10)", "BLOB", "X'00ff7f80'", "\\x00\\xFF\\x7F\\x80"},
            {"DATE", "DATE", "DATE '0001-01-01'", "0001-01-01"},
            {"DATE", "DATE", "DATE '9999-12-31'", "9999-12-31"},
            {"TIME(6)", "TIME", "TIME '23:59:59.999999'", "23:59:59.999999"},
            {"TIMESTAMP(6)", "TIMESTAMP", "TIMESTAMP '2024-02-29 12:34:56.123456'", "2024-02-29 12:34:56.123456"},
            {"TIMESTAMP(9)", "TIMESTAMP_NS", "TIMESTAMP '2024-02-29 12:34:56.123456789'", "2024-02-29 12:34:56.123456789"},
            {"TIMESTAMP(6) WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE",
                    "TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00.5+05:30'", "2024-01-01 04:30:00.5+00"},
            {"UUID", "UUID", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
            {"JSON", "JSON", "JSON '{\"a\":[1,\"x\",null]}'", "{\"a\":[1,\"x\",null]}"},
            {"INTEGER ARRAY", "VARCHAR[]", "ARRAY[1, NULL, 3]", "[1, NULL, 3]"},
            {"VARCHAR(10)", "VARCHAR", "NULL", null},
    };

    @Test
    void duckDbSeesTheTypesAndValuesOfTheSource() throws Exception {
        Path export = temp.resolve("export");
        try (Connection h2 = DriverManager.getConnection(TestDatabases.newH2Url())) {
            StringBuilder create = new StringBuilder("CREATE TABLE t (id INT PRIMARY KEY");
            StringBuilder insert = new StringBuilder("INSERT INTO t VALUES (1");
            for (int i = 0; i < COLUMNS.length; i++) {
                create.append(", c").append(i).append(' ').append(COLUMNS[i][0]);
                insert.append(", ").append(COLUMNS[i][2]);
            }
            TestDatabases.execute(h2, create + ")", insert + ")", "INSERT INTO t (id) VALUES (2)");
            TestDatabases.execute(h2, "EXPORT DATABASE '" + export + "' (FORMAT parquet)");
        }
        String file = export.resolve("data/public.t/*.parquet").toString().replace("'", "''");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duckdb.createStatement()) {
            Map<String, String> types = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
                while (rs.next()) {
                    types.put(rs.getString("column_name"), rs.getString("column_type"));
                }
            }
            Map<String, String> expectedTypes = new LinkedHashMap<>();
            expectedTypes.put("ID", "INTEGER");
            for (int i = 0; i < COLUMNS.length; i++) {
                expectedTypes.put("C" + i, COLUMNS[i][1]);
            }
            assertEquals(expectedTypes, types);

            assertEquals(expectedText(), row(s, file, 1), "the values of row 1, as DuckDB prints them");
            List<String> nulls = new ArrayList<>(Arrays.asList(new String[COLUMNS.length]));
            assertEquals(nulls, row(s, file, 2), "row 2 is NULL in every column, not an empty value");
        }
    }

    private static List<String> expectedText() {
        List<String> expected = new ArrayList<>();
        for (String[] column : COLUMNS) {
            expected.add(column[3]);
        }
        return expected;
    }

    private static List<String> row(Statement s, String file, int id) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < COLUMNS.length; i++) {
            select.append(i == 0 ? "" : ", ").append("CAST(C").append(i).append(" AS VARCHAR)");
        }
        select.append(" FROM read_parquet('").append(file).append("') WHERE ID = ").append(id);
        List<String> values = new ArrayList<>();
        try (Statement setUtc = s.getConnection().createStatement()) {
            setUtc.execute("SET TimeZone = 'UTC'");
        }
        try (ResultSet rs = s.executeQuery(select.toString())) {
            rs.next();
            for (int i = 0; i < COLUMNS.length; i++) {
                values.add(rs.getString(i + 1));
            }
        }
        return values;
    }
}
