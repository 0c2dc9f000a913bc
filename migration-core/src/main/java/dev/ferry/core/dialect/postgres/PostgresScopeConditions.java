package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.SchemaScope;

/**
 * The SQL conditions that keep a query on PostgreSQL's catalog to the user's own objects (not the system's, not an
 * extension's) in the schemas of a scope.
 */
final class PostgresScopeConditions {
    private final Dialect dialect;
    private final SchemaScope scope;

    PostgresScopeConditions(Dialect dialect, SchemaScope scope) {
        this.dialect = dialect;
        this.scope = scope;
    }

    /**
     * The object (alias {@code alias}, with namespace {@code n}) is the user's, not the system's or an extension's, and
     * in the scope.
     */
    String userObject(String alias) {
        return " n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = " + alias + ".oid AND d.deptype = 'e')"
                + scopeCondition("n.nspname");
    }

    /** {@code AND <column> IN (<the schemas named>)}, or nothing for the default scope. */
    String scopeCondition(String column) {
        return scope.isDefault() ? ""
                : " AND " + column + " IN (" + scope.named().stream().map(dialect::quoteLiteral)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }
}
