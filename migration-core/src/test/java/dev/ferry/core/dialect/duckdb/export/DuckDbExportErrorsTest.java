package dev.ferry.core.dialect.duckdb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.format.TableReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real DuckDB exports, some edited afterwards: errors name the file, line and statement, with SQLStates of 22 or 42. */
class DuckDbExportErrorsTest {
    @TempDir
    Path temp;

    private Path export;

    @BeforeEach
    void export() throws SQLException {
        export = temp.resolve("export");
        try (DuckDb source = DuckDb.inMemory()) {
            source.execute("CREATE TABLE t(a INTEGER, d DATE)", "CREATE TABLE u(b BLOB)",
                    "INSERT INTO t VALUES (1, DATE '2024-01-02'), (2, NULL)");
            source.export(export, "");
        }
    }

    @Test
    void aDirectoryThatIsNoDuckDbExportIsRefused() throws Exception {
        assertTrue(DuckDbExport.isDuckDbExport(export));
        Files.writeString(export.resolve("manifest.json"), "{}");
        assertFalse(DuckDbExport.isDuckDbExport(export));
        SQLException ferrys = assertThrows(SQLException.class, () -> DuckDbExport.read(export));
        assertEquals("42000", ferrys.getSQLState());
        assertTrue(ferrys.getMessage().contains("is not a directory written by DuckDB's EXPORT DATABASE"),
                ferrys.getMessage());
        SQLException missing = assertThrows(SQLException.class, () -> DuckDbExport.read(temp.resolve("nothing")));
        assertEquals("42000", missing.getSQLState());
    }

    @Test
    void aStatementThatCannotBeReadIsNamedWithItsLine() throws Exception {
        replace("schema.sql", "CREATE TABLE u(b BLOB);", "CREATE TABLE u(b BLOB, PRIMARY KEY);");
        SQLException error = assertThrows(SQLException.class, () -> DuckDbExport.read(export));
        assertEquals("42601", error.getSQLState());
        assertEquals("schema.sql line 2: expected '(' at character 35, found ')', in: CREATE TABLE u(b BLOB,"
                + " PRIMARY KEY)", error.getMessage());
    }

    @Test
    void statementsFerryDoesNotReadAreWarnings() throws Exception {
        Files.writeString(export.resolve("schema.sql"), "SET threads = 2;\nCREATE SECRET s (TYPE s3);\n"
                + Files.readString(export.resolve("schema.sql")));
        DuckDbExport read = DuckDbExport.read(export);
        assertEquals(2, read.schema().tables().size());
        assertTrue(read.schema().warnings().contains(
                "schema.sql line 1: a statement Ferry does not read is not carried: SET threads = 2"),
                read.schema().warnings().toString());
        assertTrue(read.schema().warnings().contains("schema.sql line 2: a statement Ferry does not read is not"
                + " carried: CREATE SECRET s (TYPE s3)"), read.schema().warnings().toString());
    }

    @Test
    void aCopyIntoATableTheSchemaDoesNotCreateIsRefused() throws Exception {
        replace("load.sql", "COPY u FROM", "COPY v FROM");
        SQLException error = assertThrows(SQLException.class, () -> DuckDbExport.read(export));
        assertEquals("42000", error.getSQLState());
        assertTrue(error.getMessage().startsWith("load.sql line 2: COPY into main.v, a table schema.sql does not"
                + " create, in: COPY v FROM '"), error.getMessage());
    }

    @Test
    void aMissingDataFileIsNamed() throws Exception {
        Files.delete(export.resolve("u.csv"));
        SQLException error = assertThrows(SQLException.class, () -> DuckDbExport.read(export));
        assertEquals("22000", error.getSQLState());
        assertTrue(error.getMessage().startsWith("load.sql line 2: the data file '" + export.resolve("u.csv")
                + "' of main.u is not in "), error.getMessage());
    }

    /** Issue 14, item 4: a load.sql edited to name a file outside the export loaded it (/etc/passwd) into a table. */
    @Test
    void aFileOutsideTheExportIsNeverRead() throws Exception {
        Path outside = Files.writeString(export.getParent().resolve("secret.csv"), "id\n42\n");
        Files.delete(export.resolve("u.csv"));
        Path load = export.resolve("load.sql");
        String asWritten = Files.readString(load);
        Files.writeString(load, asWritten.replace(export.resolve("u.csv").toString(), outside.toString()));
        SQLException error = assertThrows(SQLException.class, () -> DuckDbExport.read(export));
        assertTrue(error.getMessage().contains("is not in " + export), error.getMessage());

        Files.writeString(load, asWritten);
        Files.createSymbolicLink(export.resolve("u.csv"), outside);
        SQLException linked = assertThrows(SQLException.class, () -> DuckDbExport.read(export));
        assertEquals("42000", linked.getSQLState());
        assertTrue(linked.getMessage().contains("which is outside the export directory"), linked.getMessage());
    }

    @Test
    void optionsFerryCannotFollowAreRefused() throws Exception {
        Path dated = temp.resolve("dated");
        Path json = temp.resolve("json");
        try (DuckDb source = DuckDb.inMemory()) {
            source.execute("CREATE TABLE t(d DATE)");
            source.export(dated, "(FORMAT csv, DATEFORMAT '%d/%m/%Y')");
            source.export(json, "(FORMAT json)");
        }
        SQLException dateFormat = assertThrows(SQLException.class, () -> DuckDbExport.read(dated));
        assertEquals("22023", dateFormat.getSQLState());
        assertTrue(dateFormat.getMessage().startsWith("load.sql line 1: the CSV option DATEFORMAT is not read by Ferry"),
                dateFormat.getMessage());
        assertTrue(dateFormat.getMessage().contains("in: COPY t FROM '"), dateFormat.getMessage());
        SQLException jsonFormat = assertThrows(SQLException.class, () -> DuckDbExport.read(json));
        assertEquals("22023", jsonFormat.getSQLState());
        assertTrue(jsonFormat.getMessage().startsWith("load.sql line 1: FORMAT json is not read by Ferry"),
                jsonFormat.getMessage());
    }

    @Test
    void aValueThatCannotBeReadIsNamedWithItsLineAndColumn() throws Exception {
        replace("t.csv", "2024-01-02", "2024-13-02");
        DuckDbExport.TableLoad load = DuckDbExport.read(export).loads().get(0);
        try (TableReader reader = load.open(load.dataColumns())) {
            SQLException error = assertThrows(SQLException.class, reader::next);
            assertEquals("22000", error.getSQLState());
            assertTrue(error.getMessage().startsWith("line 2 of t.csv, column d: cannot read '2024-13-02' as DATE: "),
                    error.getMessage());
        }
    }

    @Test
    void aHeaderThatIsNotTheTablesIsRefused() throws Exception {
        replace("t.csv", "a,d", "a,e");
        DuckDbExport.TableLoad load = DuckDbExport.read(export).loads().get(0);
        SQLException error = assertThrows(SQLException.class, () -> load.open(load.dataColumns()));
        assertEquals("22000", error.getSQLState());
        assertEquals("line 1 of t.csv: the header names the columns [a, e] but the table's columns, in load order,"
                + " are [a, d]", error.getMessage());
    }

    private void replace(String file, String text, String replacement) throws Exception {
        Path path = export.resolve(file);
        String content = Files.readString(path);
        assertTrue(content.contains(text), content);
        Files.writeString(path, content.replace(text, replacement));
    }
}
