package dev.ferry.it;

import static dev.ferry.it.values.ValueCase.SAME;

import dev.ferry.it.values.ValueCase;
import dev.ferry.it.values.ValueMatrix;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * H2's type matrix: each row is (type, literal, expected text), exported from one database and imported into a
 * fresh one, once in CSV and once in Parquet; the value read back (as H2 casts it to text) must be the expected one,
 * in all three.
 */
class H2ValuesIT extends ValueMatrix<ValueCase> {
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

    H2ValuesIT() {
        super(ValueCase.table(CASES));
    }

    @Override
    protected Connection newDatabase(String name) throws SQLException {
        return DriverManager.getConnection(TestDatabases.newH2Url());
    }

    /** The value as H2's text (binary values in hexadecimal), and the column's type. */
    @Override
    protected Reading read(Connection connection, int index, ValueCase c) throws SQLException {
        String value = "COALESCE(CAST(v AS VARCHAR), 'NULL')";
        if (c.type().contains("BINARY") || c.type().equals("BLOB")) {
            value = "COALESCE(RAWTOHEX(v), 'NULL')";
        }
        List<Object> row = TestDatabases.rows(connection, "SELECT " + value + ", (SELECT DATA_TYPE"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'V" + index + "' AND COLUMN_NAME = 'V') FROM v"
                + index).get(0);
        return new Reading(row.get(0), row.get(1));
    }
}
