package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.Dependencies;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements that create the user's extensions, types, functions, procedures, aggregates, triggers and rules, as
 * PostgreSQL itself writes them ({@code format}, {@code pg_get_functiondef}, {@code pg_get_triggerdef},
 * {@code pg_get_ruledef}; aggregates as pg_dump writes them), and what the routines depend on (pg_depend).
 */
final class PostgresScripts {
    private final Connection connection;
    private final PostgresScopeConditions conditions;

    PostgresScripts(Connection connection, PostgresScopeConditions conditions) {
        this.connection = connection;
        this.conditions = conditions;
    }

    /**
     * Functions and procedures as pg_get_functiondef writes them, and aggregates as {@link #AGGREGATE} writes them
     * (pg_get_functiondef does not), by schema, name and oid; {@link #dependencies} orders them.
     */
    List<String> routines() throws SQLException {
        return new ArrayList<>(routinesByOid().values());
    }

    /** The statements of {@link #routines}, by the routine's oid. */
    private Map<Long, String> routinesByOid() throws SQLException {
        Map<Long, String> routines = new LinkedHashMap<>();
        CatalogQuery.forEach(connection, "SELECT p.oid, CASE WHEN p.prokind = 'a' THEN " + AGGREGATE
                + " ELSE pg_get_functiondef(p.oid) END FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid"
                + " WHERE (p.prokind IN ('f', 'p') OR p.prokind = 'a' AND a.aggkind IN ('n', 'o', 'h')) AND"
                + conditions.userObject("p")
                + " ORDER BY n.nspname, p.proname, p.oid", row -> {
                    routines.put(row.getLong(1), row.getString(2));
                });
        return routines;
    }

    /**
     * CREATE AGGREGATE for the aggregate {@code p} (with {@code a}, its pg_aggregate row, and {@code n}, its
     * namespace), as pg_dump writes it: each option that differs from its default.
     */
    private static final String AGGREGATE = "format('CREATE AGGREGATE %I.%I(%s) (', n.nspname, p.proname,"
            + " CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END)"
            + " || concat_ws(', ',"
            + " 'SFUNC = ' || " + function("a.aggtransfn") + ","
            + " 'STYPE = ' || format_type(a.aggtranstype, NULL),"
            + " CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,"
            + " CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || " + function("a.aggfinalfn") + " END,"
            + " CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,"
            + " CASE WHEN a.aggfinalmodify <> CASE WHEN a.aggkind = 'n' THEN 'r' ELSE 'w' END"
            + "   THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY'"
            + "   WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,"
            + " CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || " + function("a.aggcombinefn") + " END,"
            + " CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || " + function("a.aggserialfn") + " END,"
            + " CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || " + function("a.aggdeserialfn") + " END,"
            + " 'INITCOND = ' || quote_literal(a.agginitval),"
            + " CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || " + function("a.aggmtransfn")
            + "   || ', MINVFUNC = ' || " + function("a.aggminvtransfn")
            + "   || ', MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,"
            + " CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,"
            + " CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || " + function("a.aggmfinalfn") + " END,"
            + " CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,"
            + " CASE WHEN a.aggmtransfn <> 0 AND a.aggmfinalmodify <> CASE WHEN a.aggkind = 'n' THEN 'r' ELSE 'w' END"
            + "   THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY'"
            + "   WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,"
            + " 'MINITCOND = ' || quote_literal(a.aggminitval),"
            + " CASE WHEN a.aggsortop <> 0 THEN (SELECT format('SORTOP = OPERATOR(%I.%s)', o_n.nspname, o.oprname)"
            + "   FROM pg_operator o JOIN pg_namespace o_n ON o_n.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,"
            + " CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END,"
            + " CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END)"
            + " || ')'";

    /** The schema-qualified name of the function {@code column} (a regproc) refers to. */
    private static String function(String column) {
        return "(SELECT format('%I.%I', f_n.nspname, f.proname) FROM pg_proc f"
                + " JOIN pg_namespace f_n ON f_n.oid = f.pronamespace WHERE f.oid = " + column + ")";
    }

    /**
     * What pg_depend says the routines of {@link #routines} need before them (other routines, such as an aggregate's
     * functions; tables whose row type a function returns or takes, or that a SQL-standard body reads) and which
     * tables' defaults, generated columns and checks call them.
     */
    Dependencies dependencies() throws SQLException {
        Map<Long, String> routines = routinesByOid();
        Map<String, Set<String>> routineRoutines = new LinkedHashMap<>();
        Map<String, Set<QualifiedName>> routineTables = new LinkedHashMap<>();
        Map<String, Set<QualifiedName>> calledBy = new LinkedHashMap<>();
        CatalogQuery.forEach(connection, "SELECT DISTINCT d.objid, d.refobjid FROM pg_depend d"
                + " WHERE d.classid = 'pg_proc'::regclass AND d.refclassid = 'pg_proc'::regclass"
                + " AND d.objid <> d.refobjid AND d.deptype = 'n'", row -> {
                    String routine = routines.get(row.getLong(1));
                    String needed = routines.get(row.getLong(2));
                    if (routine != null && needed != null) {
                        routineRoutines.computeIfAbsent(routine, r -> new LinkedHashSet<>()).add(needed);
                    }
                });
        // A row type, an array of row types, or the table itself.
        CatalogQuery.forEach(connection, "SELECT DISTINCT d.objid, n.nspname, c.relname FROM pg_depend d"
                + " LEFT JOIN pg_type t ON d.refclassid = 'pg_type'::regclass AND t.oid = d.refobjid"
                + " LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typrelid = 0"
                + " JOIN pg_class c ON c.oid = CASE WHEN d.refclassid = 'pg_class'::regclass THEN d.refobjid"
                + "   ELSE coalesce(nullif(t.typrelid, 0), e.typrelid) END"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'n' AND c.relkind IN ('r', 'p', 'f')", row -> {
                    String routine = routines.get(row.getLong(1));
                    if (routine != null) {
                        routineTables.computeIfAbsent(routine, r -> new LinkedHashSet<>())
                                .add(new QualifiedName(row.getString(2), row.getString(3)));
                    }
                });
        CatalogQuery.forEach(connection, "SELECT DISTINCT d.refobjid, n.nspname, c.relname FROM pg_depend d"
                + " LEFT JOIN pg_attrdef ad ON d.classid = 'pg_attrdef'::regclass AND ad.oid = d.objid"
                + " LEFT JOIN pg_constraint con ON d.classid = 'pg_constraint'::regclass AND con.oid = d.objid"
                + " JOIN pg_class c ON c.oid = coalesce(ad.adrelid, con.conrelid)"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE d.refclassid = 'pg_proc'::regclass AND d.deptype = 'n'"
                + " AND d.classid IN ('pg_attrdef'::regclass, 'pg_constraint'::regclass)", row -> {
                    String routine = routines.get(row.getLong(1));
                    if (routine != null) {
                        calledBy.computeIfAbsent(routine, r -> new LinkedHashSet<>())
                                .add(new QualifiedName(row.getString(2), row.getString(3)));
                    }
                });
        return new Dependencies(routineRoutines, routineTables, calledBy);
    }

    /**
     * Triggers as pg_get_triggerdef writes them, by schema, table and name, internal ones left out; then rules as
     * pg_get_ruledef writes them, by schema, table and name, views' own _RETURN rules left out.
     */
    List<String> triggers() throws SQLException {
        List<String> statements = new ArrayList<>(strings("SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t"
                + " JOIN pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND"
                + conditions.userObject("c")
                + " ORDER BY n.nspname, c.relname, t.tgname"));
        statements.addAll(strings("SELECT pg_get_ruledef(r.oid) FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE r.rulename <> '_RETURN' AND"
                + conditions.userObject("c")
                + " ORDER BY n.nspname, c.relname, r.rulename"));
        return statements;
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

    /** DROP for each of the user's functions, procedures and aggregates, with its argument types. */
    List<String> dropRoutines() throws SQLException {
        return strings("SELECT format('DROP %s IF EXISTS %I.%I(%s) CASCADE', CASE p.prokind WHEN 'a' THEN 'AGGREGATE'"
                + " WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, n.nspname, p.proname,"
                + " pg_get_function_identity_arguments(p.oid))"
                + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE" + conditions.userObject("p")
                + " ORDER BY 1");
    }

    /**
     * DROP for each extension (other than plpgsql), then for each of the user's enums and domains: what
     * {@link #userTypes} creates.
     */
    List<String> dropTypes() throws SQLException {
        List<String> drops = new ArrayList<>(strings("SELECT format('DROP EXTENSION IF EXISTS %I CASCADE', e.extname)"
                + " FROM pg_extension e WHERE e.extname <> 'plpgsql' ORDER BY 1"));
        drops.addAll(strings("SELECT format('DROP %s IF EXISTS %I.%I CASCADE', CASE t.typtype WHEN 'd' THEN 'DOMAIN'"
                + " ELSE 'TYPE' END, n.nspname, t.typname) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE t.typtype IN ('d', 'e') AND" + conditions.userObject("t") + " ORDER BY 1"));
        return drops;
    }

    /** The first column of every row of {@code sql}. */
    private List<String> strings(String sql) throws SQLException {
        return CatalogQuery.list(connection, sql, row -> row.getString(1));
    }
}
