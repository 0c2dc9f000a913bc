package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.RowPositions;
import dev.ferry.core.model.schema.QualifiedName;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's row positions: {@code ctid}, whose ranges PostgreSQL 14 and later read by a TID range scan, touching
 * only the pages in the range. A row version keeps its ctid while a snapshot can see it, unless the table is rewritten
 * (VACUUM FULL, CLUSTER, some ALTER TABLEs), which the lock taken here holds off until the export ends.
 */
final class PostgresRowPositions implements RowPositions {
    /** The first server version with TID range scans; before it each chunk would read the whole table. */
    static final int FIRST_VERSION = 14;

    private final PostgresDialect dialect;

    PostgresRowPositions(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String column() {
        return "ctid";
    }

    @Override
    public String pageStart(BigInteger page) {
        return "'(" + page + ",0)'::tid";
    }

    @Override
    public long holdPages(Connection connection, QualifiedName table) throws SQLException {
        String name = dialect.quote(table);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE ONLY " + name + " IN ACCESS SHARE MODE");
        }
        return CatalogQuery.first(connection,
                "SELECT pg_relation_size(to_regclass(?)) / current_setting('block_size')::bigint",
                row -> row.getLong(1), name).orElse(0L);
    }
}
