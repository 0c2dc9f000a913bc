package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.values.ValueCase;
import dev.ferry.it.values.ValueMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * SQLite's value matrix: each row is (declared type, literal, storage class, SQLite's literal of the stored value),
 * exported from one database file and imported into a fresh one, once in CSV and once in Parquet. The value must come
 * back of the same storage class, with the same literal and, for reals, the same bits. A value that its column's
 * declared type does not carry must stop the export instead, naming its table, row and column.
 */
class SqliteValuesIT extends ValueMatrix<ValueCase> {
    /**
     * (declared type, literal, typeof, quote). SQLite converts on the way in by the column's affinity: REAL stores 3
     * as 3.0 and -0.0 as 0.0, NUMERIC affinity turns '12.5000' into 12.5 and 2.0 into 2; a column without a type keeps
     * -0.0 (its bits are compared too).
     */
    private static final String[][] CASES = {
            {"INTEGER", "0", "integer", "0"}, {"INTEGER", "-9223372036854775808", "integer", "-9223372036854775808"},
            {"INTEGER", "9223372036854775807", "integer", "9223372036854775807"},
            {"SMALLINT", "1099511627776", "integer", "1099511627776"}, {"UNSIGNED BIG INT", "5", "integer", "5"},
            {"BIGINT", "'42'", "integer", "42"},
            {"REAL", "0.1", "real", "0.1"}, {"REAL", "3", "real", "3.0"}, {"REAL", "-0.0", "real", "0.0"},
            {"REAL", "1.7976931348623157e308", "real", "1.7976931348623157e+308"},
            {"REAL", "4.9e-324", "real", "4.9406564584124654e-324"}, {"REAL", "-2.5e-300", "real", "-2.5e-300"},
            {"REAL", "9e999", "real", "9.0e+999"}, {"DOUBLE PRECISION", "-9e999", "real", "-9.0e+999"},
            {"FLOAT", "0.30000000000000004", "real", "0.30000000000000004"},
            {"BOOLEAN", "TRUE", "integer", "1"}, {"BOOLEAN", "0", "integer", "0"},
            {"DECIMAL(18,4)", "1.1", "real", "1.1"}, {"DECIMAL(18,4)", "'12.5000'", "real", "12.5"},
            {"DECIMAL(18,4)", "5", "integer", "5"}, {"DECIMAL(18,4)", "'2.0'", "integer", "2"},
            {"DECIMAL(18,4)", "-12345678901234.5", "real", "-12345678901234.5"},
            {"DECIMAL_TEXT(18,4)", "'1.1000'", "text", "'1.1000'"},
            {"DECIMAL_TEXT(18,4)", "'-99999999999999.9999'", "text", "'-99999999999999.9999'"},
            {"DECIMAL_TEXT(38,0)", "'99999999999999999999999999999999999999'", "text",
                    "'99999999999999999999999999999999999999'"},
            {"DECIMAL_TEXT(18,8)", "'0.00000010'", "text", "'0.00000010'"}, {"DECIMAL(18,8)", "0.0000001", "real", "1.0e-07"},
            {"TEXT", "''", "text", "''"}, {"TEXT", "'NULL'", "text", "'NULL'"}, {"TEXT", "'\\N'", "text", "'\\N'"},
            {"TEXT", "'a,b\"c''d' || char(13, 10, 9) || 'e'", "text", "'a,b\"c''d\r\n\te'"},
            {"TEXT", "'😀 𝄞 שלום مرحبا'", "text", "'😀 𝄞 שלום مرحبا'"}, {"TEXT", "42", "text", "'42'"},
            {"VARCHAR(3)", "'longer than three'", "text", "'longer than three'"}, {"CHAR(5)", "'ab'", "text", "'ab'"},
            {"CLOB", "'x''y'", "text", "'x''y'"}, {"NVARCHAR(10)", "'X''00'''", "text", "'X''00'''"},
            {"BLOB", "x''", "blob", "X''"}, {"BLOB", "x'00ff7f80'", "blob", "X'00FF7F80'"},
            {"VARBINARY(4)", "x'0102'", "blob", "X'0102'"},
            {"DATE", "'2024-02-29'", "text", "'2024-02-29'"}, {"DATE", "'-0044-03-15'", "text", "'-0044-03-15'"},
            {"DATETIME", "'2024-01-31 10:11:12.100'", "text", "'2024-01-31 10:11:12.100'"},
            {"TIMESTAMP", "'2024-01-31T10:11:12.123456789Z'", "text", "'2024-01-31T10:11:12.123456789Z'"},
            {"TIMESTAMP", "1706695872", "integer", "1706695872"}, {"DATETIME", "2460341.5", "real", "2460341.5"},
            {"TIME", "'23:59:59.999999999'", "text", "'23:59:59.999999999'"},
            {"UUID", "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'", "text", "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'"},
            {"JSON", "'{\"a\":[1,\"x\",null]}'", "text", "'{\"a\":[1,\"x\",null]}'"}, {"JSON", "'1.50'", "real", "1.5"},
            {"JSON_TEXT", "'1.50'", "text", "'1.50'"},
            {"", "1", "integer", "1"}, {"", "1.5", "real", "1.5"}, {"", "'1'", "text", "'1'"},
            {"", "x''", "blob", "X''"}, {"", "''", "text", "''"}, {"", "-0.0", "real", "0.0"},
            {"", "9e999", "real", "9.0e+999"}, {"", "'it''s'", "text", "'it''s'"}, {"", "'X''00'''", "text", "'X''00'''"},
            {"", "'''quoted'''", "text", "'''quoted'''"}, {"", "x'00ff'", "blob", "X'00FF'"},
            {"NUMERIC", "'abc'", "text", "'abc'"}, {"NUMERIC", "'12.50'", "real", "12.5"},
            {"NUMERIC", "x'01'", "blob", "X'01'"}, {"NUMERIC(10,2)", "3", "integer", "3"},
            {"MONEY", "'12,50 €'", "text", "'12,50 €'"}, {"MONEY", "12.5", "real", "12.5"},
            {"ANY", "'1'", "text", "'1'"}, {"ANY", "1", "integer", "1"}, {"ANY", "x'31'", "blob", "X'31'"},
            {"INTEGER", "NULL", "null", "NULL"}, {"TEXT", "NULL", "null", "NULL"}, {"", "NULL", "null", "NULL"},
            {"DECIMAL(18,4)", "NULL", "null", "NULL"},
    };

    /** (declared type, literal, what the error must say of the value): values a column's declared type does not carry. */
    private static final String[][] MISFITS = {
            {"INTEGER", "'abc'", "text value 'abc'"}, {"INTEGER", "''", "text value ''"},
            {"INTEGER", "1.5", "real value 1.5"}, {"BIGINT", "x'00'", "blob value X'00'"},
            {"REAL", "'abc'", "text value 'abc'"}, {"BOOLEAN", "2", "integer value 2"},
            {"BOOLEAN", "'yes'", "text value 'yes'"}, {"BLOB", "'text'", "text value 'text'"},
            {"TEXT", "x'00'", "blob value X'00'"}, {"DATETIME", "x'00'", "blob value X'00'"},
            {"DECIMAL(10,2)", "'abc'", "text value 'abc'"}, {"DECIMAL_TEXT(18,4)", "'1.1'", "text value '1.1'"},
            {"DECIMAL_TEXT(18,4)", "'1e3'", "text value '1e3'"}, {"DATE", "9e999", "real value 9.0e+999"},
    };

    SqliteValuesIT() {
        super(Arrays.stream(CASES).map(c -> new ValueCase(c[0], c[1], List.of(c[2], c[3]), null)).toList());
    }

    @Override
    protected Connection newDatabase(String name) throws SQLException {
        return DriverManager.getConnection(SqliteFiles.url(temp.resolve(name + ".db")));
    }

    @Override
    protected String createTable(String table, ValueCase c) {
        return "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, v " + c.type() + ")"
                + (c.type().equals("ANY") ? " STRICT" : "");
    }

    @Override
    protected String insert(String table, ValueCase c) {
        return "INSERT INTO " + table + " (v) VALUES (" + c.value() + ")";
    }

    /** The stored value's storage class and literal; beside it, every value of the table with its exact bits. */
    @Override
    protected Reading read(Connection connection, int index, ValueCase c) throws SQLException {
        List<List<Object>> rows = SqliteFiles.rows(connection, table(index));
        return new Reading(rows.get(0).subList(3, 5), rows);
    }

    @Override
    protected String name(ValueCase c) {
        return (c.type().isEmpty() ? "(no type)" : c.type()) + " " + c.value();
    }

    @TestFactory
    List<DynamicTest> aValueItsDeclaredTypeDoesNotCarryStopsTheExport() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < MISFITS.length; i++) {
            String[] m = MISFITS[i];
            Path database = temp.resolve("misfit" + i + ".db");
            Path export = temp.resolve("misfit" + i);
            tests.add(DynamicTest.dynamicTest(m[0] + " holding " + m[1], () -> {
                try (Connection connection = DriverManager.getConnection(SqliteFiles.url(database))) {
                    TestDatabases.execute(connection, "CREATE TABLE \"a table\" (id INTEGER PRIMARY KEY, ok TEXT,"
                                    + " \"the value\" " + m[0] + ")",
                            "INSERT INTO \"a table\" (ok, \"the value\") VALUES ('x', NULL), ('y', NULL), ('z', "
                                    + m[1] + ")");
                    SQLException e = assertThrows(SQLException.class, () -> TestDatabases.execute(connection,
                            "EXPORT DATABASE '" + export + "'"));
                    assertEquals("22000", e.getSQLState());
                    assertTrue(e.getMessage().contains("\"a table\""), e.getMessage());
                    assertTrue(e.getMessage().contains("row 3, column the value (declared " + m[0].replaceAll("\\(.*", "")
                            + ") holds the " + m[2]), e.getMessage());
                    assertFalse(Files.exists(export), "nothing is left behind");
                }
            }));
        }
        return tests;
    }
}
