package dev.ferry.core.dialect.duckdb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.View;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * duckdb#22512: DuckDB writes views in name order, so it cannot import its own export of a view on a view whose name
 * sorts later. The model orders the views by what they read, and DuckDB creates them in that order.
 */
class DuckDbViewOrderTest {
    @TempDir
    Path temp;

    @Test
    void duckDbFailsOnItsOwnViewOrderButTheModelsOrderWorks() throws Exception {
        Path export = temp.resolve("views");
        try (DuckDb source = DuckDb.inMemory()) {
            source.execute(
                    "CREATE SCHEMA s",
                    "CREATE TABLE s.t(a INTEGER, b VARCHAR)",
                    "INSERT INTO s.t VALUES (1, 'x'), (2, 'y'), (3, NULL)",
                    "CREATE VIEW z_base AS SELECT a, b FROM s.t",
                    "CREATE VIEW \"Middle\" AS SELECT a FROM main.z_base WHERE a > 1",
                    "CREATE VIEW a_top AS SELECT count(*) AS n FROM \"Middle\" m JOIN z_base USING (a)",
                    "CREATE VIEW s.b_other AS SELECT * FROM a_top");
            source.export(export, "");
        }
        String script = Files.readString(export.resolve("schema.sql"));
        assertTrue(script.indexOf("CREATE VIEW a_top") < script.indexOf("CREATE VIEW z_base"), script);

        SQLException duckDbFails = assertThrows(SQLException.class, () -> {
            try (DuckDb target = DuckDb.inMemory()) {
                target.execute("IMPORT DATABASE '" + export + "'");
            }
        });
        assertTrue(duckDbFails.getMessage().contains("does not exist"), duckDbFails.getMessage());

        DatabaseSchema schema = DuckDbExport.read(export).schema();
        assertEquals(List.of(new QualifiedName("main", "z_base"), new QualifiedName("main", "Middle"),
                new QualifiedName("main", "a_top"), new QualifiedName("s", "b_other")),
                schema.views().stream().map(View::name).toList());
        assertEquals(java.util.Set.of(new QualifiedName("main", "Middle"), new QualifiedName("main", "z_base")),
                schema.views().get(2).dependsOn());
        try (DuckDb target = DuckDb.inMemory()) {
            target.execute("CREATE SCHEMA s", "CREATE TABLE s.t(a INTEGER, b VARCHAR)",
                    "INSERT INTO s.t VALUES (1, 'x'), (2, 'y'), (3, NULL)");
            for (View view : schema.views()) {
                target.execute("CREATE VIEW \"" + view.name().schema() + "\".\"" + view.name().name() + "\" AS "
                        + view.query());
            }
            assertEquals(List.of(List.of("2")), target.rows("SELECT n FROM s.b_other"));
        }
    }
}
