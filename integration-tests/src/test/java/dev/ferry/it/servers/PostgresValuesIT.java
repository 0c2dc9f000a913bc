package dev.ferry.it.servers;

import static dev.ferry.it.values.ValueCase.SAME;

import dev.ferry.it.values.ValueCase;
import dev.ferry.it.values.ValueMatrix;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * PostgreSQL's type matrix: each row is (type, literal, expected text), exported from one database and imported
 * into a fresh one, once in CSV and once in Parquet; the value read back must be the expected text, as PostgreSQL
 * prints it, in all three. A fourth entry is what Parquet brings back where it differs: it keeps the instant of a
 * time with time zone, not its offset.
 */
class PostgresValuesIT extends ValueMatrix<ValueCase> {
    /**
     * (type, literal, expected value::text): SAME where it prints as the literal, "NULL" for NULL. char(n)::text
     * drops the padding, so the padded value is compared through the source and target rows alone.
     */
    static final String[][] CASES = {
            {"smallint", "-32768", SAME}, {"smallint", "32767", SAME},
            {"integer", "-2147483648", SAME}, {"integer", "2147483647", SAME},
            {"bigint", "-9223372036854775808", SAME}, {"bigint", "9223372036854775807", SAME},
            {"numeric(38,0)", "99999999999999999999999999999999999999", SAME},
            {"numeric(38,0)", "-99999999999999999999999999999999999999", SAME},
            {"numeric(38,10)", "1234567890123456789012345678.0123456789", SAME},
            {"numeric(38,10)", "-0.0000000001", SAME},
            {"numeric", "'NaN'", "NaN"}, {"numeric", "'Infinity'", "Infinity"}, {"numeric", "'-Infinity'", "-Infinity"},
            {"numeric", "0.000000000000000000000000000000000000000001", SAME},
            {"numeric", "123456789012345678901234567890.123456789012345678901234567890", SAME},
            {"numeric", "1.50", SAME},
            {"real", "'NaN'", "NaN"}, {"real", "'Infinity'", "Infinity"}, {"real", "'-Infinity'", "-Infinity"},
            {"real", "'-0'", "-0"}, {"real", "3.4028235e38", "3.4028235e+38"}, {"real", "1.4e-45", "1e-45"},
            {"double precision", "'NaN'", "NaN"}, {"double precision", "'-Infinity'", "-Infinity"},
            {"double precision", "'-0'", "-0"}, {"double precision", "0.1", SAME},
            {"double precision", "1.7976931348623157e308", "1.7976931348623157e+308"},
            {"double precision", "4.9e-324", "5e-324"},
            {"boolean", "true", SAME}, {"boolean", "false", SAME},
            {"bit(3)", "B'101'", "101"}, {"bit varying", "B''", ""}, {"bit varying(8)", "B'1101'", "1101"},
            {"text", "''", ""}, {"text", "'NULL'", "NULL"}, {"text", "'\\N'", "\\N"},
            {"text", "'a,b\"c''d' || chr(13) || chr(10) || chr(9) || 'e'", "a,b\"c'd\r\n\te"},
            {"text", "'😀 𝄞 שלום مرحبا'", "😀 𝄞 שלום مرحبا"}, {"varchar(10)", "'x'", "x"}, {"char(5)", "'ab'", "ab"},
            {"bytea", "'\\x'::bytea", "\\x"}, {"bytea", "'\\x00ff7f80'::bytea", "\\x00ff7f80"},
            {"bytea", "(SELECT string_agg(set_byte('\\x00'::bytea, 0, b), ''::bytea ORDER BY b) FROM generate_series(0, 255) b)",
                    everyByte()},
            {"date", "'0001-01-01'", "0001-01-01"}, {"date", "'9999-12-31'", "9999-12-31"},
            {"date", "'infinity'", "infinity"}, {"date", "'-infinity'", "-infinity"},
            {"date", "'0044-03-15 BC'", "0044-03-15 BC"}, {"date", "'2024-02-29'", "2024-02-29"},
            {"time(6)", "'00:00:00'", "00:00:00"}, {"time(6)", "'23:59:59.999999'", "23:59:59.999999"},
            {"time(6)", "'24:00:00'", "24:00:00"},
            {"time with time zone", "'12:34:56.789+05:30'", "12:34:56.789+05:30", "07:04:56.789+00"},
            {"time with time zone", "'00:00:00-12'", "00:00:00-12", "12:00:00+00"},
            {"timestamp(6)", "'0001-01-01 00:00:00'", "0001-01-01 00:00:00"},
            {"timestamp(6)", "'9999-12-31 23:59:59.999999'", "9999-12-31 23:59:59.999999"},
            {"timestamp", "'infinity'", "infinity"}, {"timestamp", "'-infinity'", "-infinity"},
            {"timestamp(3)", "'2024-02-29 12:34:56.789'", "2024-02-29 12:34:56.789"},
            {"timestamp", "'1500-06-01 12:00:00 BC'", "1500-06-01 12:00:00 BC"},
            {"timestamp with time zone", "'2024-01-01 10:00:00.5+05:30'", "2024-01-01 04:30:00.5+00"},
            {"timestamp with time zone", "'infinity'", "infinity"},
            {"interval", "'1 year 2 mons 3 days 04:05:06.789'", "1 year 2 mons 3 days 04:05:06.789"},
            {"interval", "'-1 day'", "-1 days"}, {"interval", "'0'", "00:00:00"},
            {"uuid", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
            {"json", "'{\"a\": [1, \"x\"],  \"b\": null}'", "{\"a\": [1, \"x\"],  \"b\": null}"},
            {"json", "'\"just text\"'", "\"just text\""},
            {"jsonb", "'{\"b\":1,\"a\":[true, null]}'", "{\"a\": [true, null], \"b\": 1}"},
            {"integer[]", "'{1,2,NULL}'", "{1,2,NULL}"}, {"integer[]", "'{}'", "{}"},
            {"integer[][]", "'{{1,2},{3,4}}'", "{{1,2},{3,4}}"},
            {"text[]", "ARRAY['a,b', 'c\"d', NULL, '']", "{\"a,b\",\"c\\\"d\",NULL,\"\"}"},
            {"mood", "'happy'", "happy"}, {"mood[]", "'{sad,happy}'", "{sad,happy}"},
            {"positive_int", "42", "42"},
            {"inet", "'192.168.0.1/24'", "192.168.0.1/24"}, {"cidr", "'10.0.0.0/8'", "10.0.0.0/8"},
            {"macaddr", "'08:00:2b:01:02:03'", "08:00:2b:01:02:03"},
            {"money", "12.34", "$12.34"}, {"xml", "'<a b=\"1\">x</a>'", "<a b=\"1\">x</a>"},
            {"int4range", "'[1,5)'", "[1,5)"}, {"tsrange", "'[2024-01-01,2024-02-01)'", "[\"2024-01-01 00:00:00\",\"2024-02-01 00:00:00\")"},
            {"point", "'(1.5,2)'", "(1.5,2)"},
            {"text", "NULL", "NULL"}, {"integer", "NULL", "NULL"}, {"bytea", "NULL", "NULL"}, {"jsonb", "NULL", "NULL"},
    };

    private static String everyByte() {
        StringBuilder hex = new StringBuilder("\\x");
        for (int b = 0; b < 256; b++) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private final TestServer server = TestServer.postgres();
    /** The name of each database the matrix uses, by its connection. */
    private final Map<Connection, String> databases = new IdentityHashMap<>();

    PostgresValuesIT() {
        super(ValueCase.table(CASES));
    }

    @Override
    protected Connection newDatabase(String name) throws SQLException {
        String database = server.createDatabase();
        Connection connection = server.connectFerry(database);
        databases.put(connection, database);
        return connection;
    }

    @Override
    protected void prepare(Connection source) throws SQLException {
        execute(source, "SET TIME ZONE 'UTC'", "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0)");
    }

    @Override
    protected void closeDatabase(Connection database) throws SQLException {
        try {
            database.close();
        } finally {
            server.dropDatabase(databases.get(database));
        }
    }

    /** The value as PostgreSQL's text (in UTC), and the column's type; read without Ferry. */
    @Override
    protected Reading read(Connection database, int index, ValueCase c) throws SQLException {
        try (Connection connection = server.connect(databases.get(database));
             Statement s = connection.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            try (ResultSet rs = s.executeQuery("SELECT coalesce(v::text, 'NULL'), format_type(a.atttypid, a.atttypmod)"
                    + " FROM v" + index + ", pg_attribute a WHERE a.attrelid = 'v" + index + "'::regclass AND a.attname = 'v'")) {
                rs.next();
                return new Reading(rs.getString(1), rs.getString(2));
            }
        }
    }

    @Override
    protected String name(ValueCase c) {
        return c.type() + " " + abbreviate(c.value());
    }

    private static String abbreviate(String literal) {
        return literal.length() > 40 ? literal.substring(0, 40) + "…" : literal;
    }
}
