package dev.ferry.it;

import static dev.ferry.it.TestDatabases.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.model.types.TypeFamily;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite dialect's declarations for other engines' types ({@code typeFor}) keep values exactly: each H2 value is
 * copied to a file, loaded into a SQLite column declared as the dialect declares the H2 column's type, copied out of
 * SQLite and loaded into H2 again, in CSV and in Parquet; it must come back as it was, and the SQLite column must read
 * back as the type it was declared for.
 */
class SqliteDeclaredTypesIT {
    /** (H2 type, the portable type it is, H2 literal, whether Parquet keeps it: offsets are moved to UTC there). */
    private static final Object[][] CASES = {
            {"BOOLEAN", PortableType.of(TypeFamily.BOOLEAN, "BOOLEAN"), "TRUE", true},
            {"TINYINT", PortableType.of(TypeFamily.TINYINT, "TINYINT"), "-128", true},
            {"SMALLINT", PortableType.of(TypeFamily.SMALLINT, "SMALLINT"), "32767", true},
            {"INTEGER", PortableType.of(TypeFamily.INTEGER, "INTEGER"), "-2147483648", true},
            {"BIGINT", PortableType.of(TypeFamily.BIGINT, "BIGINT"), "-9223372036854775808", true},
            {"DECIMAL(18, 4)", PortableType.decimal(18, 4, "DECIMAL"), "12345678901234.5678", true},
            {"DECIMAL(18, 4)", PortableType.decimal(18, 4, "DECIMAL"), "-0.0001", true},
            {"DECIMAL(18, 4)", PortableType.decimal(18, 4, "DECIMAL"), "1.1", true},
            {"DECIMAL(38, 10)", PortableType.decimal(38, 10, "DECIMAL"), "-1234567890123456789012345678.0123456789", true},
            {"REAL", PortableType.of(TypeFamily.REAL, "REAL"), "3.4028235E38", true},
            {"DOUBLE PRECISION", PortableType.of(TypeFamily.DOUBLE, "DOUBLE PRECISION"), "4.9E-324", true},
            {"DOUBLE PRECISION", PortableType.of(TypeFamily.DOUBLE, "DOUBLE PRECISION"), "'-Infinity'", true},
            {"CHAR(5)", PortableType.sized(TypeFamily.CHAR, 5, "CHAR"), "'ab'", true},
            {"VARCHAR(20)", PortableType.sized(TypeFamily.VARCHAR, 20, "VARCHAR"), "'😀 1.50 '''", true},
            {"VARCHAR(20)", PortableType.sized(TypeFamily.VARCHAR, 20, "VARCHAR"), "'12'", true},
            {"CLOB", PortableType.of(TypeFamily.TEXT, "CLOB"), "''", true},
            {"VARBINARY(4)", PortableType.sized(TypeFamily.VARBINARY, 4, "VARBINARY"), "X'00ff'", true},
            {"BLOB", PortableType.of(TypeFamily.BLOB, "BLOB"), "X''", true},
            {"DATE", PortableType.of(TypeFamily.DATE, "DATE"), "DATE '-0044-03-15'", true},
            {"TIME(9)", PortableType.temporal(TypeFamily.TIME, 9, "TIME"), "TIME '23:59:59.999999999'", true},
            {"TIMESTAMP(9)", PortableType.temporal(TypeFamily.TIMESTAMP, 9, "TIMESTAMP"),
                    "TIMESTAMP '2024-02-29 23:59:59.123456789'", true},
            {"TIMESTAMP(6) WITH TIME ZONE", PortableType.temporal(TypeFamily.TIMESTAMP_WITH_TIME_ZONE, 6, "TIMESTAMP"),
                    "TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00.5+05:30'", false},
            {"TIME(3) WITH TIME ZONE", PortableType.temporal(TypeFamily.TIME_WITH_TIME_ZONE, 3, "TIME"),
                    "TIME WITH TIME ZONE '12:34:56.789+05:30'", false},
            {"UUID", PortableType.of(TypeFamily.UUID, "UUID"), "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", true},
            {"JSON", PortableType.of(TypeFamily.JSON, "JSON"), "JSON '1.50'", true},
            {"JSON", PortableType.of(TypeFamily.JSON, "JSON"), "JSON '{\"a\":[1,\"x\",null]}'", true},
    };

    @TempDir
    static Path temp;

    @TestFactory
    List<DynamicTest> valuesSurviveTheTripThroughSqliteExactly() throws Exception {
        Dialect sqlite = Dialects.named("sqlite");
        List<DynamicTest> tests = new ArrayList<>();
        for (String format : List.of("csv", "parquet")) {
            for (int i = 0; i < CASES.length; i++) {
                Object[] c = CASES[i];
                if (format.equals("parquet") && !(Boolean) c[3]) {
                    continue;
                }
                String name = format + i;
                tests.add(DynamicTest.dynamicTest(format + ": " + c[0] + " " + c[2], () -> {
                    TargetType declared = sqlite.typeFor((PortableType) c[1]);
                    assertFalse(declared.isLossy() && !List.of(TypeFamily.REAL, TypeFamily.DOUBLE)
                            .contains(((PortableType) c[1]).family()), declared.loss());
                    Path toSqlite = temp.resolve(name + "-in." + format);
                    Path fromSqlite = temp.resolve(name + "-out." + format);
                    try (Connection h2 = DriverManager.getConnection(TestDatabases.newH2Url());
                         Connection lite = DriverManager.getConnection(SqliteFiles.url(temp.resolve(name + ".db")))) {
                        execute(h2, "CREATE TABLE v (v " + c[0] + ")", "INSERT INTO v VALUES (" + c[2] + ")",
                                "CREATE TABLE back (v " + c[0] + ")", "COPY v TO '" + toSqlite + "'");
                        execute(lite, "CREATE TABLE v (v " + declared.sql() + ")", "COPY v FROM '" + toSqlite + "'",
                                "COPY v TO '" + fromSqlite + "'");
                        execute(h2, "COPY back FROM '" + fromSqlite + "'");
                        boolean binary = c[0].toString().contains("BINARY") || c[0].equals("BLOB");
                        String text = "SELECT " + (binary ? "RAWTOHEX(v)" : "CAST(v AS VARCHAR)") + " FROM ";
                        assertEquals(TestDatabases.rows(h2, text + "v"), TestDatabases.rows(h2, text + "back"));

                        String declaredText = (String) TestDatabases.value(lite,
                                "SELECT type FROM pragma_table_xinfo('v')");
                        PortableType readBack = sqlite.portableType(new Column("v", "", 0, 0, 0, true, null, null,
                                declaredText));
                        PortableType expected = (PortableType) c[1];
                        assertEquals(List.of(expected.family(), expected.length(), expected.scale()),
                                List.of(readBack.family(), readBack.length(), readBack.scale()), declaredText);
                    }
                }));
            }
        }
        return tests;
    }
}
