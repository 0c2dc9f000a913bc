package dev.ferry.it;

import static dev.ferry.it.values.ValueCase.SAME;

import dev.ferry.it.values.ValueCase;
import dev.ferry.it.values.ValueMatrix;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * DuckDB's type matrix (DuckDB 1.4, database files): each row is (type, literal, expected text), exported from one
 * database and imported into a fresh one, once in CSV and once in Parquet; the value as DuckDB casts it to text, and the
 * column's type, must come back as in the source.
 */
class DuckDbValuesIT extends ValueMatrix<ValueCase> {
    /**
     * (type, literal, expected CAST(v AS VARCHAR)): SAME where it prints as the literal, "NULL" for NULL. A fourth entry
     * is what Parquet brings back where it differs: the instant of a TIMETZ value, not its offset.
     */
    private static final String[][] CASES = {
            {"BOOLEAN", "true", SAME}, {"BOOLEAN", "false", SAME},
            {"TINYINT", "-128", SAME}, {"SMALLINT", "-32768", SAME}, {"INTEGER", "2147483647", SAME},
            {"BIGINT", "-9223372036854775808", SAME}, {"BIGINT", "9223372036854775807", SAME},
            {"HUGEINT", "'-170141183460469231731687303715884105728'", "-170141183460469231731687303715884105728"},
            {"HUGEINT", "'170141183460469231731687303715884105727'", "170141183460469231731687303715884105727"},
            {"UTINYINT", "255", SAME}, {"USMALLINT", "65535", SAME}, {"UINTEGER", "4294967295", SAME},
            {"UBIGINT", "18446744073709551615", SAME},
            {"UHUGEINT", "'340282366920938463463374607431768211455'", "340282366920938463463374607431768211455"},
            {"DECIMAL(4,1)", "-999.9", SAME}, {"DECIMAL(9,2)", "1234567.89", SAME},
            {"DECIMAL(18,4)", "12345678901234.5678", SAME}, {"DECIMAL(18,9)", "0.000000001", SAME},
            {"DECIMAL(38,10)", "-1234567890123456789012345678.0123456789", SAME},
            {"DECIMAL(38,0)", "99999999999999999999999999999999999999", SAME},
            {"REAL", "'NaN'", "nan"}, {"REAL", "'inf'", "inf"}, {"REAL", "'-0.0'", "-0.0"}, {"REAL", "0.1", SAME},
            {"REAL", "3.4028235e38", "3.4028235e+38"},
            {"DOUBLE", "'-inf'", "-inf"}, {"DOUBLE", "4.9e-324", "5e-324"}, {"DOUBLE", "0.1", SAME},
            {"DOUBLE", "'-0.0'", "-0.0"}, {"DOUBLE", "'NaN'", "nan"},
            {"VARCHAR", "''", ""}, {"VARCHAR", "'NULL'", "NULL"}, {"VARCHAR", "'\\N'", "\\N"},
            {"VARCHAR", "'a,b\"c''d' || chr(13) || chr(10) || chr(9) || 'e'", "a,b\"c'd\r\n\te"},
            {"VARCHAR", "'😀 𝄞 שלום مرحبا'", "😀 𝄞 שלום مرحبا"},
            {"BLOB", "''::BLOB", ""}, {"BLOB", "'\\x00\\xFF\\x7F\\x80'::BLOB", "\\x00\\xFF\\x7F\\x80"},
            {"BLOB", "'a\\x5Cb'::BLOB", "a\\x5Cb"},
            {"DATE", "'0001-01-01'", "0001-01-01"}, {"DATE", "'9999-12-31'", "9999-12-31"},
            {"DATE", "'-0043-03-15'", "0044-03-15 (BC)"}, {"DATE", "'infinity'", "infinity"},
            {"DATE", "'-infinity'", "-infinity"},
            {"TIME", "'23:59:59.999999'", "23:59:59.999999"}, {"TIME", "'00:00:00'", "00:00:00"},
            {"TIME", "'24:00:00'", "24:00:00"},
            {"TIMETZ", "'12:34:56.5+05:30'", "12:34:56.5+05:30", "07:04:56.5+00"},
            {"TIMETZ", "'23:59:59.999999-15:59'", "23:59:59.999999-15:59", "15:58:59.999999+00"},
            {"TIMESTAMP", "'2024-02-29 23:59:59.123456'", "2024-02-29 23:59:59.123456"},
            {"TIMESTAMP", "'0001-01-01 00:00:00'", "0001-01-01 00:00:00"},
            {"TIMESTAMP", "'-0043-03-15 12:00:00'", "0044-03-15 (BC) 12:00:00"},
            {"TIMESTAMP", "'infinity'", "infinity"}, {"TIMESTAMP", "'-infinity'", "-infinity"},
            {"TIMESTAMP_S", "'2024-02-29 23:59:59'", "2024-02-29 23:59:59"},
            {"TIMESTAMP_MS", "'1969-12-31 23:59:59.999'", "1969-12-31 23:59:59.999"},
            {"TIMESTAMP_NS", "'2024-02-29 23:59:59.123456789'", "2024-02-29 23:59:59.123456789"},
            {"TIMESTAMP_NS", "'1969-12-31 23:59:59.999999999'", "1969-12-31 23:59:59.999999999"},
            {"TIMESTAMP_NS", "'infinity'", "infinity"},
            {"TIMESTAMPTZ", "'2024-01-01 10:00:00.5+05:30'", "2024-01-01 04:30:00.5+00"},
            {"TIMESTAMPTZ", "'-0043-03-15 12:00:00+00'", "0044-03-15 (BC) 12:00:00+00"},
            {"TIMESTAMPTZ", "'infinity'", "infinity"}, {"TIMESTAMPTZ", "'-infinity'", "-infinity"},
            {"INTERVAL", "INTERVAL '1 year 2 months 3 days 04:05:06.789'", "1 year 2 months 3 days 04:05:06.789"},
            {"INTERVAL", "INTERVAL '-1 year -2 days'", "-1 year -2 days"},
            {"UUID", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
            {"UUID", "'ffffffff-ffff-ffff-ffff-ffffffffffff'", "ffffffff-ffff-ffff-ffff-ffffffffffff"},
            {"UUID", "'00000000-0000-0000-0000-000000000000'", "00000000-0000-0000-0000-000000000000"},
            {"JSON", "'{\"a\":[1,\"x\",null]}'", "{\"a\":[1,\"x\",null]}"}, {"JSON", "'\"text\"'", "\"text\""},
            {"mood", "'it''s'", "it's"}, {"ENUM('x', 'y z')", "'y z'", "y z"},
            {"BIT", "'0101'", "0101"},
            {"BIGNUM", "'-123456789012345678901234567890123456789012345'",
                    "-123456789012345678901234567890123456789012345"},
            {"INTEGER[]", "[1, NULL, 3]", "[1, NULL, 3]"}, {"INTEGER[]", "[]", "[]"},
            {"VARCHAR[]", "['a,b', NULL, '', 'NULL', 'x\"y', 'it''s', '[x]', ' sp ', 'back\\slash']",
                    "['a,b', NULL, '', 'NULL', 'x\"y', 'it\\'s', '[x]', ' sp ', back\\slash]"},
            {"INTEGER[][]", "[[1], [2, 3], NULL, []]", "[[1], [2, 3], NULL, []]"},
            {"DATE[]", "['2024-02-29'::DATE, 'infinity'::DATE]", "[2024-02-29, infinity]"},
            {"BLOB[]", "['\\x01\\xFF'::BLOB]", "[\\x01\\xFF]"},
            {"INTEGER[3]", "[1, 2, 3]", "[1, 2, 3]"},
            {"STRUCT(a INTEGER, b VARCHAR)", "{'a': 1, 'b': 'x,y''z\"q{}[]:'}", "{'a': 1, 'b': 'x,y\\'z\"q{}[]:'}"},
            {"STRUCT(a INTEGER, b VARCHAR)", "{'a': NULL, 'b': NULL}", "{'a': NULL, 'b': NULL}"},
            {"STRUCT(a INTEGER, b VARCHAR)[]", "[{'a': 1, 'b': 'x,y'}]", "[{'a': 1, 'b': 'x,y'}]"},
            {"MAP(VARCHAR, INTEGER)", "MAP {'k=1': 1, 'l m': 2, '': NULL}", "{'k=1'=1, l m=2, ''=NULL}"},
            {"UNION(num INTEGER, str VARCHAR)", "union_value(str := 'a,b')", "a,b"},
            {"VARCHAR", "NULL", "NULL"}, {"INTEGER[]", "NULL", "NULL"}, {"TIMESTAMP", "NULL", "NULL"},
            {"STRUCT(a INTEGER)", "NULL", "NULL"},
    };

    DuckDbValuesIT() {
        super(ValueCase.table(CASES));
    }

    @Override
    protected Connection newDatabase(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:ferry:duckdb:" + temp.resolve(name + ".duckdb"));
    }

    @Override
    protected void prepare(Connection source) throws SQLException {
        execute(source, "CREATE TYPE mood AS ENUM ('sad', 'happy', 'it''s')");
    }

    /** The value as DuckDB's text (timestamps with time zone in UTC), and the column's type. */
    @Override
    protected Reading read(Connection connection, int index, ValueCase c) throws SQLException {
        execute(connection, "SET TimeZone = 'UTC'");
        List<Object> row = TestDatabases.rows(connection, "SELECT COALESCE(CAST(v AS VARCHAR), 'NULL'),"
                + " (SELECT data_type FROM duckdb_columns() WHERE table_name = 'v" + index + "' AND column_name = 'v')"
                + " FROM v" + index).get(0);
        return new Reading(row.get(0), row.get(1));
    }
}
