package dev.ferry.core.operation.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.duckdb.DuckDbDialect;
import dev.ferry.core.dialect.h2.H2Dialect;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.View;
import dev.ferry.core.sql.SqlScript;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scripts written for DuckDB are those DuckDB's own IMPORT DATABASE runs: everything but the data in schema.sql,
 * nothing but COPY in load.sql, CSV read with quoted empty fields as empty strings.
 */
class DuckDbScriptsTest {
    private static final QualifiedName T = new QualifiedName("main", "t");
    private static final Table TABLE = new Table(T, List.of(new Column("a", "INTEGER", Types.INTEGER, 0, 0, true,
            null, null, "INTEGER")), null, List.of(), List.of());
    private static final DatabaseSchema SCHEMA = new DatabaseSchema(List.of(), Map.of(), List.of(), List.of(),
            List.of(), List.of(TABLE), List.of(), List.of(new Index("t_a", T, false, List.of(new Index.IndexColumn("a",
            false, 0)), null)), List.of(new View(new QualifiedName("main", "v"), "CREATE VIEW v AS SELECT a FROM t",
            false, Set.of(), null)), List.of(), List.of(), List.of());

    @Test
    void whatComesAfterTheDataIsAtTheEndOfTheSchemaScript() throws SQLException {
        ScriptRenderer scripts = new ScriptRenderer(new DuckDbDialect());
        String schema = scripts.schemaScript(SCHEMA, "");
        assertTrue(schema.indexOf("CREATE TABLE") < schema.indexOf("CREATE INDEX \"t_a\""), schema);
        assertTrue(schema.indexOf("CREATE INDEX \"t_a\"") < schema.indexOf("CREATE VIEW v"), schema);
        String postData = scripts.postDataScript(SCHEMA, "-- header\n");
        assertTrue(postData.startsWith("-- header\n-- Nothing: written at the end of schema.sql"), postData);
        assertEquals(List.of(), SqlScript.split(postData), "no statement: " + postData);
    }

    @Test
    void otherEnginesKeepThemAfterTheData() {
        ScriptRenderer scripts = new ScriptRenderer(new H2Dialect());
        assertFalse(scripts.schemaScript(SCHEMA, "").contains("CREATE INDEX"));
        assertTrue(scripts.postDataScript(SCHEMA, "").contains("CREATE INDEX \"t_a\""));
    }

    @Test
    void csvIsReadWithQuotedEmptyFieldsAsEmptyStrings() {
        Map<String, String> csv = FormatOptions.DEFAULTS.readerOptions();
        assertEquals("COPY \"main\".\"t\" (\"a\") FROM 't.csv' (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"',"
                + " ALLOW_QUOTED_NULLS false)", new ScriptRenderer(new DuckDbDialect()).copyFrom(TABLE, "t.csv", csv));
        assertEquals("COPY \"main\".\"t\" (\"a\") FROM 't.parquet' (FORMAT parquet)",
                new ScriptRenderer(new DuckDbDialect()).copyFrom(TABLE, "t.parquet", Map.of("FORMAT", "parquet")));
        assertFalse(new ScriptRenderer(new H2Dialect()).copyFrom(TABLE, "t.csv", csv).contains("ALLOW_QUOTED_NULLS"));
    }
}
