package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.CatalogQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a PostgreSQL database holds that Ferry does not carry, in words, one warning a line: window functions (which
 * only C can define), row-level security policies and event triggers, which it does not carry yet, and owners and
 * privileges, which it does not carry at all.
 */
final class PostgresWarnings {

    private PostgresWarnings() {
    }

    /** The warnings for the objects {@code conditions} keeps to, in the order of their text. */
    static List<String> of(Connection connection, PostgresScopeConditions conditions) throws SQLException {
        return CatalogQuery.list(connection,
                "SELECT 'Window function ' || n.nspname || '.' || p.proname || ' is not exported' FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind = 'w' AND"
                + conditions.userObject("p")
                + " UNION ALL SELECT 'Policy ' || p.policyname || ' on ' || p.schemaname || '.' || p.tablename"
                + " || ' is not exported' FROM pg_policies p WHERE TRUE" + conditions.scopeCondition("p.schemaname")
                + " UNION ALL SELECT 'Event trigger ' || e.evtname || ' is not exported' FROM pg_event_trigger e"
                + " UNION ALL SELECT 'Owners and privileges are not exported: the imported objects belong to the user"
                + " who imports them' WHERE EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE" + conditions.userObject("c") + " AND (c.relacl IS NOT NULL"
                + " OR c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)))"
                + " ORDER BY 1", row -> row.getString(1));
    }
}
