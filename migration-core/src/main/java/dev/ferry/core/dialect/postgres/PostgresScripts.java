package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.CatalogQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that create the user's extensions, types, functions, procedures and triggers, as PostgreSQL itself
 * writes them ({@code format}, {@code pg_get_functiondef}, {@code pg_get_triggerdef}).
 */
final class PostgresScripts {
    private final Connection connection;
    private final PostgresScopeConditions conditions;

    PostgresScripts(Connection connection, PostgresScopeConditions conditions) {
        this.connection = connection;
        this.conditions = conditions;
    }

    /** Functions and procedures as pg_get_functiondef writes them, by schema, name and oid. */
    List<String> routines() throws SQLException {
        return strings("SELECT pg_get_functiondef(p.oid) FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p') AND"
                + conditions.userObject("p")
                + " ORDER BY n.nspname, p.proname, p.oid");
    }

    /** Triggers as pg_get_triggerdef writes them, by schema, table and name, internal ones left out. */
    List<String> triggers() throws SQLException {
        return strings("SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND"
                + conditions.userObject("c")
                + " ORDER BY n.nspname, c.relname, t.tgname");
    }

    /**
     * CREATE EXTENSION for each extension (other than plpgsql, which every database has), then CREATE TYPE for each
     * enum, then CREATE DOMAIN for each domain (which may be over enums), leaving out types that extensions own.
     */
    List<String> userTypes() throws SQLException {
        String userSchema = conditions.userObject("t");
        List<String> types = new ArrayList<>(strings("SELECT format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I',"
                + " e.extname, n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                + " WHERE e.extname <> 'plpgsql' ORDER BY e.extname"));
        types.addAll(strings("SELECT format('CREATE TYPE %I.%I AS ENUM (%s)', n.nspname, t.typname,"
                + " string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder))"
                + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " JOIN pg_enum e ON e.enumtypid = t.oid WHERE" + userSchema
                + " GROUP BY n.nspname, t.typname ORDER BY n.nspname, t.typname"));
        types.addAll(strings(
                "SELECT format('CREATE DOMAIN %I.%I AS %s', n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod))"
                + " || CASE WHEN t.typcollation <> 0 AND t.typcollation <> b.typcollation"
                + "    THEN ' COLLATE ' || t.typcollation::regcollation::text ELSE '' END"
                + " || coalesce(' DEFAULT ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END"
                + " || coalesce((SELECT string_agg(' CONSTRAINT ' || quote_ident(c.conname) || ' '"
                + "    || pg_get_constraintdef(c.oid), '' ORDER BY c.conname) FROM pg_constraint c"
                + "    WHERE c.contypid = t.oid), '')"
                + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type b ON b.oid = t.typbasetype"
                + " WHERE t.typtype = 'd' AND" + userSchema + " ORDER BY n.nspname, t.typname"));
        return types;
    }

    /** The first column of every row of {@code sql}. */
    private List<String> strings(String sql) throws SQLException {
        return CatalogQuery.list(connection, sql, row -> row.getString(1));
    }
}
