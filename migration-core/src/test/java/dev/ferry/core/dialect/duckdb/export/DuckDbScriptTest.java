package dev.ferry.core.dialect.duckdb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.core.sql.SqlScript;
import dev.ferry.core.value.ValueKind;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a DuckDB other than 1.4 may write, which the tests with DuckDB 1.4 cannot produce: ENUM labels already quoted
 * correctly, type aliases, the types made by CREATE TYPE named on columns.
 */
class DuckDbScriptTest {

    @Test
    void enumLabelsAreQuotedUnlessTheyAlreadyAre() throws Exception {
        String script = "CREATE TYPE mood AS ENUM ( 'sad', 'it's ok', 'a'', b' );;;\n"
                + "CREATE TYPE fixed AS ENUM ('it''s', 'b');\n"
                + "CREATE TYPE empty AS ENUM (  );;\n"
                + "CREATE TABLE t(a VARCHAR DEFAULT('x;y'));;\n";
        List<SqlScript.Statement> statements = DuckDbScript.statements(script);
        assertEquals(List.of(
                new SqlScript.Statement("CREATE TYPE mood AS ENUM ( 'sad', 'it''s ok', 'a'''', b' )", 1),
                new SqlScript.Statement("CREATE TYPE fixed AS ENUM ('it''s', 'b')", 2),
                new SqlScript.Statement("CREATE TYPE empty AS ENUM (  )", 3),
                new SqlScript.Statement("CREATE TABLE t(a VARCHAR DEFAULT('x;y'))", 4)), statements);
    }

    @Test
    void aliasesAreDuckDbsOwnNames() {
        Map<String, String> aliases = Map.of("INT", "INTEGER", "int8", "BIGINT", "Timestamptz",
                "TIMESTAMP WITH TIME ZONE", "numeric(10, 2)", "DECIMAL(10,2)", "decimal", "DECIMAL(18,3)",
                "VARCHAR(20)", "VARCHAR", "double  precision", "DOUBLE", "varint", "BIGNUM", "BYTEA[]", "BLOB[]",
                "int[2][3]", "INTEGER[2][3]");
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            assertEquals(alias.getValue(), DuckDbType.parse(alias.getKey(), name -> null).name(), alias.getKey());
        }
        DuckDbType list = DuckDbType.parse("INTEGER[2][3]", name -> null);
        assertEquals(ValueKind.ARRAY, list.kind());
        assertEquals("INTEGER[2]", list.element().name());
        assertEquals(Types.DECIMAL, DuckDbType.parse("numeric(10,2)", name -> null).jdbcType());
    }

    @Test
    void userTypesStandForWhatTheyWereCreatedAs() {
        DuckDbType mood = DuckDbType.parse("ENUM('a', 'b')", name -> null);
        assertEquals(mood, DuckDbType.parse("mood", name -> name.equals("MOOD") ? mood : null));
        assertEquals(mood, DuckDbType.parse("\"Mood\"", name -> name.equals("MOOD") ? mood : null));
        assertEquals(mood, DuckDbType.parse("mood[]", name -> name.equals("MOOD") ? mood : null).element());
        assertNull(DuckDbType.parse("geometry", name -> null));
        assertNull(DuckDbType.parse("DECIMAL(40,2)", name -> null));
    }
}
