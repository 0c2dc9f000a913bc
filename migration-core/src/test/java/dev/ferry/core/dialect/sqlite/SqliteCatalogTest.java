package dev.ferry.core.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.SchemaReader;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.exporting.DatabaseExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SQLite dialect reads of a table's foreign keys and indexes, as SQLite keeps them (PRAGMA foreign_key_list,
 * sqlite_master), and how they are written for another engine: each key on its own, each plain index whatever quotes
 * its names.
 */
class SqliteCatalogTest {
    @TempDir
    Path temp;

    /** A child with four single-column foreign keys to four tables: two unnamed, two named; names quoted three ways. */
    private static final String[] SCHEMA = {
            "CREATE TABLE [Parent A] (id INTEGER PRIMARY KEY)",
            "CREATE TABLE parent_b (code TEXT PRIMARY KEY)",
            "CREATE TABLE \"parent c\" (id INTEGER PRIMARY KEY)",
            "CREATE TABLE `parent_d` (id INTEGER PRIMARY KEY, n INTEGER)",
            "CREATE TABLE [Child] (\n"
                    + "  [Id] INTEGER PRIMARY KEY,\n"
                    + "  [A] INTEGER REFERENCES [Parent A] ([id]) ON DELETE CASCADE,\n"
                    + "  b TEXT, c INTEGER, `d` INTEGER, note TEXT,\n"
                    + "  FOREIGN KEY (b) REFERENCES parent_b (code) ON UPDATE SET NULL,\n"
                    + "  CONSTRAINT [FK_ChildC] FOREIGN KEY ([c]) REFERENCES \"parent c\" (\"id\") ON DELETE SET NULL,\n"
                    + "  CONSTRAINT \"fk child d\" FOREIGN KEY (`d`) REFERENCES `parent_d` (`id`) ON UPDATE CASCADE"
                    + " ON DELETE RESTRICT\n"
                    + ")",
            "CREATE INDEX [IFK_ChildA] ON [Child] ([A])",
            "CREATE INDEX `ifk child b` ON `Child` (`b` DESC)",
            "CREATE UNIQUE INDEX \"ifk child c\" ON \"Child\" (\"c\", d)",
            "CREATE INDEX ix_lower_note ON Child (lower(note))",
    };

    private static final QualifiedName CHILD = new QualifiedName(null, "Child");

    private Connection database() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("source.db"));
        try (Statement statement = connection.createStatement()) {
            for (String sql : SCHEMA) {
                statement.execute(sql);
            }
        }
        return connection;
    }

    @Test
    void eachForeignKeyIsReadOnItsOwnWithItsColumnsTableNameAndActions() throws SQLException {
        try (Connection connection = database()) {
            DatabaseSchema schema = new SchemaReader(connection, new SqliteDialect()).read();
            List<ForeignKey> keys = schema.foreignKeys().stream().filter(key -> key.table().equals(CHILD)).toList();
            assertEquals(List.of(
                    new ForeignKey(null, CHILD, List.of("A"), new QualifiedName(null, "Parent A"), List.of("id"),
                            "NO ACTION", "CASCADE"),
                    new ForeignKey(null, CHILD, List.of("b"), new QualifiedName(null, "parent_b"), List.of("code"),
                            "SET NULL", "NO ACTION"),
                    new ForeignKey("FK_ChildC", CHILD, List.of("c"), new QualifiedName(null, "parent c"),
                            List.of("id"), "NO ACTION", "SET NULL"),
                    new ForeignKey("fk child d", CHILD, List.of("d"), new QualifiedName(null, "parent_d"),
                            List.of("id"), "CASCADE", "RESTRICT")), keys);
        }
    }

    @Test
    void aCompositeKeyStaysOneKeyAndAKeyWithoutReferencedColumnsNamesThePrimaryKey() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("composite.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE p (a INT, b TEXT, PRIMARY KEY (a, b))");
            statement.execute("CREATE TABLE q (id INTEGER PRIMARY KEY)");
            statement.execute("CREATE TABLE c (x INT, y TEXT, z INT REFERENCES q, FOREIGN KEY (x, y) REFERENCES p (a, b),"
                    + " FOREIGN KEY (y, x) REFERENCES p)");
            QualifiedName c = new QualifiedName(null, "c");
            List<ForeignKey> keys = new SchemaReader(connection, new SqliteDialect()).read().foreignKeys().stream()
                    .filter(key -> key.table().equals(c)).toList();
            assertEquals(List.of(
                    new ForeignKey(null, c, List.of("z"), new QualifiedName(null, "q"), List.of("id"), "NO ACTION",
                            "NO ACTION"),
                    new ForeignKey(null, c, List.of("x", "y"), new QualifiedName(null, "p"), List.of("a", "b"),
                            "NO ACTION", "NO ACTION"),
                    new ForeignKey(null, c, List.of("y", "x"), new QualifiedName(null, "p"), List.of("a", "b"),
                            "NO ACTION", "NO ACTION")), keys);
        }
    }

    @Test
    void plainIndexesAreReadWithTheirColumnsWhateverQuotesTheirNames() throws SQLException {
        try (Connection connection = database()) {
            List<Index> indexes = new SchemaReader(connection, new SqliteDialect()).read().indexes();
            assertEquals(List.of(List.of(new Index.IndexColumn("A", false)),
                    List.of(new Index.IndexColumn("b", true)),
                    List.of(new Index.IndexColumn("c", false), new Index.IndexColumn("d", false)),
                    List.of()), indexes.stream().map(Index::columns).toList());
            assertEquals("CREATE INDEX [IFK_ChildA] ON [Child] ([A])", indexes.get(0).definition(),
                    "SQLite's own statement, as written, for an import into SQLite");
        }
    }

    @Test
    void anExportForPostgresqlCarriesEachKeyAndEveryPlainIndexAndNamesOnlyTheExpressionIndex() throws Exception {
        Path dir = temp.resolve("export");
        try (Connection connection = database()) {
            MigrationResult result = new DatabaseExporter(connection).export(dir,
                    new ExportOptions(FormatOptions.DEFAULTS, List.of(), "postgresql"), ProgressListener.NONE);
            assertEquals(1, result.warnings().size(), result.warnings().toString());
            String warning = result.warnings().get(0);
            assertTrue(warning.startsWith("Index ix_lower_note on Child is not carried"), warning);
            String schema = Files.readString(dir.resolve(ExportLayout.SCHEMA))
                    + Files.readString(dir.resolve(ExportLayout.POST_DATA));
            for (String expected : List.of(
                    "ALTER TABLE \"public\".\"child\" ADD FOREIGN KEY (\"a\") REFERENCES \"public\".\"Parent A\" (\"id\")"
                            + " ON UPDATE NO ACTION ON DELETE CASCADE;",
                    "ALTER TABLE \"public\".\"child\" ADD FOREIGN KEY (\"b\") REFERENCES \"public\".\"parent_b\" (\"code\")"
                            + " ON UPDATE SET NULL ON DELETE NO ACTION;",
                    "ALTER TABLE \"public\".\"child\" ADD CONSTRAINT \"fk_childc\" FOREIGN KEY (\"c\") REFERENCES"
                            + " \"public\".\"parent c\" (\"id\") ON UPDATE NO ACTION ON DELETE SET NULL;",
                    "ALTER TABLE \"public\".\"child\" ADD CONSTRAINT \"fk child d\" FOREIGN KEY (\"d\") REFERENCES"
                            + " \"public\".\"parent_d\" (\"id\") ON UPDATE CASCADE ON DELETE RESTRICT;",
                    "CREATE INDEX \"ifk_childa\" ON \"public\".\"child\" (\"a\");",
                    "CREATE INDEX \"ifk child b\" ON \"public\".\"child\" (\"b\" DESC);",
                    "CREATE UNIQUE INDEX \"ifk child c\" ON \"public\".\"child\" (\"c\", \"d\");")) {
                assertTrue(schema.contains(expected), expected + " in:\n" + schema);
            }
        }
    }
}
