package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.Identity;
import dev.ferry.core.model.schema.Inheritance;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What PostgreSQL's own catalog ({@code pg_attribute}, {@code pg_index}, {@code pg_class}, {@code pg_depend},
 * {@code pg_sequences}, {@code pg_constraint}) says of the tables, views and sequences, beyond what pgjdbc's
 * DatabaseMetaData reports.
 */
final class PostgresCatalog {
    private final Connection connection;
    private final PostgresDialect dialect;

    PostgresCatalog(Connection connection, PostgresDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * The columns pgjdbc {@code reported}, each with its type as format_type declares it, with NOT NULL from
     * attnotnull, and a generated column's expression marked STORED or VIRTUAL from attgenerated.
     */
    List<Column> columns(QualifiedName table, List<Column> reported) throws SQLException {
        Map<String, Object[]> declared = new HashMap<>();
        CatalogQuery.forEach(connection,
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attgenerated FROM pg_attribute a"
                        + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped",
                row -> declared.put(row.getString(1),
                        new Object[] {row.getString(2), row.getBoolean(3), row.getString(4)}),
                table.schema(), table.name());
        List<Column> columns = new ArrayList<>();
        for (Column c : reported) {
            Object[] d = declared.get(c.name());
            if (d == null) {
                columns.add(c);
                continue;
            }
            String generated = c.isGenerated() ? c.generated() + ("v".equals(d[2]) ? " VIRTUAL" : " STORED") : null;
            columns.add(new Column(c.name(), c.typeName(), c.jdbcType(), c.size(), c.scale(), !(Boolean) d[1],
                    c.defaultExpression(), c.identity(), (String) d[0], null, generated));
        }
        return columns;
    }

    /** The identity of {@code column} with the value it hands out next, or null where it is not an identity column. */
    Identity identity(QualifiedName table, String column) throws SQLException {
        return CatalogQuery.first(connection,
                "SELECT a.attidentity, s.start_value, s.increment_by, s.schemaname, s.sequencename"
                        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " JOIN pg_sequences s ON format('%I.%I', s.schemaname, s.sequencename)::regclass"
                        + "   = pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname)::regclass"
                        + " WHERE n.nspname = ? AND c.relname = ? AND a.attname = ? AND a.attidentity <> ''",
                row -> {
                    long increment = row.getLong(3);
                    QualifiedName sequence = new QualifiedName(row.getString(4), row.getString(5));
                    return new Identity("a".equals(row.getString(1)), row.getLong(2), increment,
                            nextValue(sequence, increment));
                }, table.schema(), table.name(), column).orElse(null);
    }

    /**
     * The table's indexes as pg_get_indexdef writes them, by name; left out are those backing constraints and those
     * of a partition that are attached to its partitioned table's index (relispartition), which creating that index
     * makes again on each partition. A partitioned table's index is written without the ONLY pg_get_indexdef gives
     * it, so it is made on the partitions too.
     */
    List<Index> indexes(Table table) throws SQLException {
        return CatalogQuery.list(connection,
                "SELECT i.relname, ix.indisunique, pg_get_indexdef(ix.indexrelid), c.relkind = 'p' FROM pg_index ix"
                        + " JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class c ON c.oid = ix.indrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relname = ? AND NOT i.relispartition"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_constraint con"
                        + "   WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x'))"
                        + " ORDER BY 1",
                row -> new Index(row.getString(1), table.name(), row.getBoolean(2), List.of(),
                        row.getBoolean(4) ? row.getString(3).replaceFirst(" ON ONLY ", " ON ") : row.getString(3)),
                table.name().schema(), table.name().name());
    }

    /** The tables that inherit from {@code table} or are its partitions (pg_inherits), by name. */
    List<QualifiedName> inheritingTables(QualifiedName table) throws SQLException {
        return CatalogQuery.list(connection,
                "SELECT n.nspname, c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class p ON p.oid = i.inhparent"
                        + " JOIN pg_namespace pn ON pn.oid = p.relnamespace"
                        + " WHERE pn.nspname = ? AND p.relname = ? ORDER BY 1, 2",
                row -> new QualifiedName(row.getString(1), row.getString(2)), table.schema(), table.name());
    }

    /**
     * The tables {@code table} inherits from (pg_inherits, in order), its partition key where it is partitioned
     * (pg_get_partkeydef) and its bounds where it is a partition (relpartbound).
     */
    Inheritance inheritance(QualifiedName table) throws SQLException {
        List<QualifiedName> parents = CatalogQuery.list(connection,
                "SELECT pn.nspname, p.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class p ON p.oid = i.inhparent"
                        + " JOIN pg_namespace pn ON pn.oid = p.relnamespace"
                        + " WHERE n.nspname = ? AND c.relname = ? ORDER BY i.inhseqno",
                row -> new QualifiedName(row.getString(1), row.getString(2)), table.schema(), table.name());
        return CatalogQuery.first(connection,
                "SELECT CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,"
                        + " CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relname = ?",
                row -> new Inheritance(parents, row.getString(1), row.getString(2)), table.schema(), table.name())
                .orElse(new Inheritance(parents, null, null));
    }

    /**
     * The comment on {@code schema}, or null; null too for public's that PostgreSQL itself gives it (standard public
     * schema), which the target has already and which a user who does not own public could not set.
     */
    String schemaComment(String schema) throws SQLException {
        return CatalogQuery.first(connection,
                "SELECT d.description FROM pg_namespace n JOIN pg_description d ON d.objoid = n.oid"
                        + " AND d.classoid = 'pg_namespace'::regclass WHERE n.nspname = ?"
                        + " AND NOT (n.nspname = 'public' AND lower(d.description) = 'standard public schema')",
                row -> row.getString(1), schema).orElse(null);
    }

    /** The foreign keys {@code reported}, less those cloned from a partitioned table's own (conparentid). */
    List<ForeignKey> ownForeignKeys(QualifiedName table, List<ForeignKey> reported) throws SQLException {
        Set<String> cloned = new HashSet<>(CatalogQuery.list(connection,
                "SELECT con.conname FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE con.contype = 'f' AND con.conparentid <> 0 AND n.nspname = ? AND c.relname = ?",
                row -> row.getString(1), table.schema(), table.name()));
        return cloned.isEmpty() ? reported : reported.stream().filter(key -> !cloned.contains(key.name())).toList();
    }

    /** The views and materialized views in {@code scope}, by schema and name, each with the views it reads. */
    List<View> views(SchemaScope scope) throws SQLException {
        Map<Long, QualifiedName> names = new LinkedHashMap<>();
        Map<Long, String> queries = new HashMap<>();
        Map<Long, Boolean> materialized = new HashMap<>();
        CatalogQuery.forEach(connection,
                "SELECT c.oid, n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid) FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm')"
                        + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')"
                        + " ORDER BY 2, 3",
                row -> {
                    if (!scope.includes(row.getString(2))) {
                        return;
                    }
                    names.put(row.getLong(1), new QualifiedName(row.getString(2), row.getString(3)));
                    materialized.put(row.getLong(1), row.getBoolean(4));
                    queries.put(row.getLong(1), row.getString(5));
                });
        Map<Long, Set<QualifiedName>> reads = new HashMap<>();
        CatalogQuery.forEach(connection,
                "SELECT DISTINCT rw.ev_class, d.refobjid FROM pg_depend d JOIN pg_rewrite rw ON rw.oid = d.objid"
                        + " WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass"
                        + " AND d.refobjid <> rw.ev_class",
                row -> {
                    QualifiedName read = names.get(row.getLong(2));
                    if (read != null && names.containsKey(row.getLong(1))) {
                        reads.computeIfAbsent(row.getLong(1), oid -> new HashSet<>()).add(read);
                    }
                });
        List<View> views = new ArrayList<>();
        names.forEach((oid, name) -> views.add(new View(name, queries.get(oid), materialized.get(oid),
                reads.getOrDefault(oid, Set.of()))));
        return views;
    }

    /** The sequences in {@code scope}, by schema and name, those of identity columns left out. */
    List<Sequence> sequences(SchemaScope scope) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        CatalogQuery.forEach(connection,
                "SELECT s.schemaname, s.sequencename, s.start_value, s.increment_by, s.min_value, s.max_value,"
                        + " s.cycle, owner.ref, format_type(s.data_type, NULL)"
                        + " FROM pg_sequences s"
                        + " JOIN pg_class c ON c.oid = format('%I.%I', s.schemaname, s.sequencename)::regclass"
                        + " LEFT JOIN LATERAL (SELECT format('%I.%I.%I', tn.nspname, t.relname, a.attname) AS ref, d.deptype"
                        + "   FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid"
                        + "   JOIN pg_namespace tn ON tn.oid = t.relnamespace"
                        + "   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
                        + "   WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')) owner"
                        + " ON TRUE"
                        + " WHERE owner.deptype IS DISTINCT FROM 'i' ORDER BY 1, 2",
                row -> {
                    if (!dialect.inScope(row.getString(1), scope)) {
                        return;
                    }
                    QualifiedName name = new QualifiedName(row.getString(1), row.getString(2));
                    long increment = row.getLong(4);
                    sequences.add(new Sequence(name, row.getString(9), row.getLong(3), increment, row.getLong(5),
                            row.getLong(6), row.getBoolean(7), nextValue(name, increment), row.getString(8)));
                });
        return sequences;
    }

    /**
     * What nextval would return: the sequence relation itself tells (pg_sequences hides last_value after a
     * RESTART, which leaves it "not called").
     */
    private long nextValue(QualifiedName sequence, long increment) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT last_value, is_called FROM " + dialect.quote(sequence));
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getBoolean(2) ? rows.getLong(1) + increment : rows.getLong(1);
        }
    }

    /** The table's CHECK constraints (contype 'c', which leaves NOT NULL out), by name. */
    List<CheckConstraint> checkConstraints(QualifiedName table) throws SQLException {
        return CatalogQuery.list(connection,
                "SELECT con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con"
                        + " JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE con.contype = 'c' AND n.nspname = ? AND c.relname = ? ORDER BY 1",
                row -> new CheckConstraint(row.getString(1), row.getString(2)), table.schema(), table.name());
    }

    /** The table's unique constraints by name, columns in key order. */
    List<KeyConstraint> uniqueKeys(QualifiedName table) throws SQLException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        CatalogQuery.forEach(connection,
                "SELECT con.conname, a.attname FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY k(attnum, position)"
                        + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
                        + " WHERE con.contype = 'u' AND n.nspname = ? AND c.relname = ? ORDER BY con.conname, k.position",
                row -> keys.computeIfAbsent(row.getString(1), name -> new ArrayList<>()).add(row.getString(2)),
                table.schema(), table.name());
        List<KeyConstraint> constraints = new ArrayList<>();
        keys.forEach((name, columns) -> constraints.add(new KeyConstraint(name, columns)));
        return constraints;
    }
}
