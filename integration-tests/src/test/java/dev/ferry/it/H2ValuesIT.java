package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's type matrix: each row is (type, literal, expected text), exported from one database and imported into a
 * fresh one, once in CSV and once in Parquet; the value read back (as H2 casts it to text) must be the expected one,
 * in all three.
 */
class H2ValuesIT {
    private static final String SAME = null;

    /**
     * (type, literal, expected CAST(v AS VARCHAR)): SAME where it prints as the literal, "NULL" for NULL. H2 keeps
     * no negative zero (it stores -0.0 as 0.0), so that case expects 0.0. A fourth entry is what Parquet brings back
     * where it differs: it keeps the instant of a value WITH TIME ZONE, not its offset.
     */
    private static final String[][] CASES = {
            {"TINYINT", "-128", SAME}, {"TINYINT", "127", SAME}, {"SMALLINT", "-32768", SAME}, {"SMALLINT", "32767", SAME},
            {"INTEGER", "-2147483648", SAME}, {"INTEGER", "2147483647", SAME},
            {"BIGINT", "-9223372036854775808", SAME}, {"BIGINT", "9223372036854775807", SAME},
            {"NUMERIC(38, 0)", "99999999999999999999999999999999999999", SAME},
            {"NUMERIC(38, 10)", "-1234567890123456789012345678.0123456789", SAME},
            {"DECFLOAT", "'NaN'", "NaN"}, {"DECFLOAT", "'-Infinity'", "-Infinity"}, {"DECFLOAT", "1.5E+40", "1.5E+40"},
            {"REAL", "'NaN'", "NaN"}, {"REAL", "'Infinity'", "Infinity"}, {"REAL", "CAST('-0.0' AS REAL)", "0.0"},
            {"REAL", "3.4028235E38", "3.4028235E38"},
            {"DOUBLE PRECISION", "'-Infinity'", "-Infinity"}, {"DOUBLE PRECISION", "4.9E-324", "4.9E-324"},
            {"DOUBLE PRECISION", "0.1", SAME}, {"DOUBLE PRECISION", "CAST('-0.0' AS DOUBLE PRECISION)", "0.0"},
            {"BOOLEAN", "TRUE", SAME}, {"BOOLEAN", "FALSE", SAME},
            {"VARCHAR(100)", "''", ""}, {"VARCHAR(100)", "'NULL'", "NULL"}, {"VARCHAR(100)", "'\\N'", "\\N"},
            {"VARCHAR(100)", "'a,b\"c''d' || CHAR(13) || CHAR(10) || CHAR(9) || 'e'", "a,b\"c'd\r\n\te"},
            {"VARCHAR(100)", "'😀 𝄞 שלום مرحبا'", "😀 𝄞 שלום مرحبا"}, {"CHAR(5)", "'ab'", "ab   "},
            {"CLOB", "'clob text'", "clob text"},
            {"VARBINARY(10)", "X''", ""}, {"VARBINARY(10)", "X'00ff7f80'", "00ff7f80"}, {"BLOB", "X'0102'", "0102"},
            {"DATE", "DATE '0001-01-01'", "0001-01-01"}, {"DATE", "DATE '9999-12-31'", "9999-12-31"},
            {"DATE", "DATE '-0044-03-15'", "-0044-03-15"},
            {"TIME(9)", "TIME '23:59:59.999999999'", "23:59:59.999999999"},
            {"TIME(3) WITH TIME ZONE", "TIME WITH TIME ZONE '12:34:56.789+05:30'", "12:34:56.789+05:30",
                    "07:04:56.789+00"},
            {"TIMESTAMP(9)", "TIMESTAMP '2024-02-29 23:59:59.123456789'", "2024-02-29 23:59:59.123456789"},
            {"TIMESTAMP(9) WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00.5+05:30'",
                    "2024-01-01 10:00:00.5+05:30", "2024-01-01 04:30:00.5+00"},
            {"INTERVAL DAY TO SECOND", "INTERVAL '1 02:03:04.5' DAY TO SECOND", "INTERVAL '1 02:03:04.5' DAY TO SECOND"},
            {"INTERVAL YEAR TO MONTH", "INTERVAL '-1-2' YEAR TO MONTH", "INTERVAL '-1-2' YEAR TO MONTH"},
            {"UUID", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
            {"JSON", "JSON '{\"a\":[1,\"x\",null]}'", "{\"a\":[1,\"x\",null]}"}, {"JSON", "JSON '\"text\"'", "\"text\""},
            {"ENUM('sad', 'happy')", "'happy'", "happy"},
            {"INTEGER ARRAY", "ARRAY[1, 2, NULL]", "[1, 2, null]"}, {"INTEGER ARRAY", "ARRAY[]", "[]"},
            {"VARCHAR(10) ARRAY", "ARRAY['a,b', 'c\"d', NULL, '', '{x}']", "[a,b, c\"d, null, , {x}]"},
            {"BOOLEAN ARRAY", "ARRAY[TRUE, FALSE]", "[TRUE, FALSE]"},
            {"DATE ARRAY", "ARRAY[DATE '2024-02-29']", "[2024-02-29]"},
            {"VARCHAR(10)", "NULL", "NULL"}, {"INTEGER ARRAY", "NULL", "NULL"},
    };

    @TempDir
    static Path temp;

    private static final List<String> FORMATS = List.of("csv", "parquet");

    private static Connection source;
    private static final Map<String, Connection> TARGETS = new LinkedHashMap<>();

    @BeforeAll
    static void exportAndImport() throws Exception {
        source = DriverManager.getConnection(TestDatabases.newH2Url());
        try (Statement s = source.createStatement()) {
            for (int i = 0; i < CASES.length; i++) {
                s.execute("CREATE TABLE v" + i + " (id INT PRIMARY KEY, v " + CASES[i][0] + ")");
                s.execute("INSERT INTO v" + i + " VALUES (1, " + CASES[i][1] + ")");
            }
            for (String format : FORMATS) {
                s.execute("EXPORT DATABASE '" + temp.resolve(format) + "' (FORMAT " + format + ")");
            }
        }
        for (String format : FORMATS) {
            Connection target = DriverManager.getConnection(TestDatabases.newH2Url());
            TestDatabases.execute(target, "IMPORT DATABASE '" + temp.resolve(format) + "'");
            TARGETS.put(format, target);
        }
    }

    @TestFactory
    List<DynamicTest> everyValueComesBackExactly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String format : FORMATS) {
            for (int i = 0; i < CASES.length; i++) {
                int index = i;
                String[] c = CASES[i];
                tests.add(DynamicTest.dynamicTest(format + ": " + c[0] + " " + c[1], () -> {
                    List<Object> sourceRow = read(source, index);
                    assertEquals(c[2] == SAME ? c[1] : c[2], sourceRow.get(0),
                            "the test's own expectation of the source value");
                    List<Object> expected = new ArrayList<>(sourceRow);
                    if (format.equals("parquet") && c.length > 3) {
                        expected.set(0, c[3]);
                    }
                    assertEquals(expected, read(TARGETS.get(format), index));
                }));
            }
        }
        return tests;
    }

    private static List<Object> read(Connection connection, int index) throws SQLException {
        String value = "COALESCE(CAST(v AS VARCHAR), 'NULL')";
        if (CASES[index][0].contains("BINARY") || CASES[index][0].equals("BLOB")) {
            value = "COALESCE(RAWTOHEX(v), 'NULL')";
        }
        return TestDatabases.rows(connection, "SELECT " + value + ", (SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = 'V" + index + "' AND COLUMN_NAME = 'V') FROM v" + index).get(0);
    }
}
