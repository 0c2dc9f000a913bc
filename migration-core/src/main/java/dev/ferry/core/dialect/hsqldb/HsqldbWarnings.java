package dev.ferry.core.dialect.hsqldb;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.SchemaScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What an HSQLDB database holds that the {@code hsqldb} dialect does not carry, or carries otherwise, in words. */
final class HsqldbWarnings {
    private final HsqldbDialect dialect;
    private final Connection connection;
    private final SchemaScope scope;
    private final List<String> warnings = new ArrayList<>();

    private HsqldbWarnings(HsqldbDialect dialect, Connection connection, SchemaScope scope) {
        this.dialect = dialect;
        this.connection = connection;
        this.scope = scope;
    }

    static List<String> of(HsqldbDialect dialect, Connection connection, SchemaScope scope, List<String> standard)
            throws SQLException {
        HsqldbWarnings found = new HsqldbWarnings(dialect, connection, scope);
        found.warnings.addAll(standard);
        found.objects("Domain", "SELECT DOMAIN_SCHEMA, DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS",
                "is not exported; its columns are created with its data type, without its checks");
        found.objects("Type", "SELECT USER_DEFINED_TYPE_SCHEMA, USER_DEFINED_TYPE_NAME"
                + " FROM INFORMATION_SCHEMA.USER_DEFINED_TYPES", "is not exported; its columns are created with its"
                + " data type");
        found.objects("Synonym", "SELECT SYNONYM_SCHEMA, SYNONYM_NAME FROM INFORMATION_SCHEMA.SYSTEM_SYNONYMS",
                "is not exported");
        found.objects("TEXT table", "SELECT TABLE_SCHEM, TABLE_NAME FROM INFORMATION_SCHEMA.SYSTEM_TABLES"
                + " WHERE HSQLDB_TYPE = 'TEXT'", "is exported as an ordinary table holding its rows; the text file it"
                + " reads is not linked to the copy");
        found.objects("CACHED table", "SELECT TABLE_SCHEM, TABLE_NAME FROM INFORMATION_SCHEMA.SYSTEM_TABLES"
                + " WHERE HSQLDB_TYPE = 'CACHED'", "is created as the target's default table type (MEMORY, unless"
                + " the importing URL says hsqldb.default_table_type=cached)");
        found.objects("Column", "SELECT TABLE_SCHEMA, TABLE_NAME || '.' || COLUMN_NAME, SEQUENCE_SCHEMA || '.'"
                + " || SEQUENCE_NAME FROM INFORMATION_SCHEMA.SYSTEM_COLUMN_SEQUENCE_USAGE", "is an identity that takes"
                + " its values from sequence %s, which is not exported as such: the column is created without"
                + " generator, the sequence on its own");
        found.identityPositions();
        return found.warnings;
    }

    /** One warning for each object a query lists (schema, name, and what {@code %s} in {@code what} says). */
    private void objects(String kind, String query, String what) throws SQLException {
        CatalogQuery.forEach(connection, query + " ORDER BY 1, 2", row -> {
            if (dialect.inScope(row.getString(1), scope)) {
                String detail = row.getMetaData().getColumnCount() > 2 ? row.getString(3) : "";
                warnings.add(kind + " " + new QualifiedName(row.getString(1), row.getString(2)) + " "
                        + what.replace("%s", detail));
            }
        });
    }

    /** Where the identities' positions could not be read, each continues after its largest value. */
    private void identityPositions() throws SQLException {
        if (dialect.identityPositionsRead()) {
            return;
        }
        for (HsqldbColumn column : HsqldbColumn.ofAllTables(connection)) {
            if (column.identityGeneration() != null && dialect.inScope(column.table().schema(), scope)) {
                warnings.add("Column " + column.table() + "." + column.name() + " is an identity whose position"
                        + " only HSQLDB's SCRIPT shows, which needs administrator rights, autocommit and a writable"
                        + " connection: the copy continues after the column's largest value");
            }
        }
    }
}
