package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability: DuckDB opens the Parquet file of a PostgreSQL export and sees PostgreSQL's types and values,
 * infinite dates and timestamps included.
 */
class PostgresParquetInDuckDbIT {
    @TempDir
    Path temp;

    /** (PostgreSQL type, DuckDB's type of the Parquet column, PostgreSQL literal, DuckDB's text of the value). */
    private static final String[][] COLUMNS = {
            {"smallint", "INTEGER", "-32768", "-32768"},
            {"numeric(10,2)", "DECIMAL(10,2)", "-12345678.90", "-12345678.90"},
            {"numeric", "VARCHAR", "'NaN'", "NaN"},
            {"double precision", "DOUBLE", "'NaN'", "nan"},
            {"text", "VARCHAR", "'שלום 😀'", "שלום 😀"},
            {"bytea", "BLOB", "'\\x00ff'::bytea", "\\x00\\xFF"},
            {"date", "DATE", "'infinity'", "infinity"},
            {"date", "DATE", "'-infinity'", "-infinity"},
            {"date", "DATE", "'0044-03-15 BC'", "0044-03-15 (BC)"},
            {"timestamp(6)", "TIMESTAMP", "'infinity'", "infinity"},
            {"timestamp(3)", "TIMESTAMP", "'2024-02-29 12:34:56.789'", "2024-02-29 12:34:56.789"},
            {"timestamptz", "TIMESTAMP WITH TIME ZONE", "'2024-01-01 10:00:00.5+05:30'", "2024-01-01 04:30:00.5+00"},
            {"time(6)", "TIME", "'23:59:59.999999'", "23:59:59.999999"},
            {"uuid", "UUID", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
            {"jsonb", "JSON", "'{\"b\":1,\"a\":[true,null]}'", "{\"a\": [true, null], \"b\": 1}"},
            {"integer[]", "VARCHAR", "'{1,2,NULL}'", "{1,2,NULL}"},
    };

    @Test
    void duckDbSeesPostgresTypesAndValues() throws Exception {
        TestServer server = TestServer.postgres();
        String database = server.createDatabase();
        Path export = temp.resolve("export");
        try (Connection pg = server.connectFerry(database); Statement s = pg.createStatement()) {
            StringBuilder create = new StringBuilder("CREATE TABLE t (id int PRIMARY KEY");
            StringBuilder insert = new StringBuilder("INSERT INTO t VALUES (1");
            for (int i = 0; i < COLUMNS.length; i++) {
                create.append(", c").append(i).append(' ').append(COLUMNS[i][0]);
                insert.append(", ").append(COLUMNS[i][2]);
            }
            s.execute(create + ")");
            s.execute(insert + ")");
            s.execute("EXPORT DATABASE '" + export + "' (FORMAT parquet)");
        } finally {
            server.dropDatabase(database);
        }
        String file = export.resolve("data/public.t/part-0001.parquet").toString().replace("'", "''");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duckdb.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            Map<String, String> types = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
                while (rs.next()) {
                    types.put(rs.getString("column_name"), rs.getString("column_type"));
                }
            }
            Map<String, String> expectedTypes = new LinkedHashMap<>();
            expectedTypes.put("id", "INTEGER");
            List<String> expectedValues = new ArrayList<>();
            StringBuilder select = new StringBuilder("SELECT ");
            for (int i = 0; i < COLUMNS.length; i++) {
                expectedTypes.put("c" + i, COLUMNS[i][1]);
                expectedValues.add(COLUMNS[i][3]);
                select.append(i == 0 ? "" : ", ").append("CAST(c").append(i).append(" AS VARCHAR)");
            }
            assertEquals(expectedTypes, types);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(select + " FROM read_parquet('" + file + "')")) {
                rs.next();
                for (int i = 0; i < COLUMNS.length; i++) {
                    values.add(rs.getString(i + 1));
                }
            }
            assertEquals(expectedValues, values);
        }
    }
}
