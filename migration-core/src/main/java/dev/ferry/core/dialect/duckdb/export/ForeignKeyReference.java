package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * A foreign key as DuckDB's CREATE TABLE writes it, its referenced table as written: DuckDB quotes no part of that
 * name ({@code REFERENCES Odd Schema.Odd Table(a)}), so it is matched against the export's tables: the table it names
 * when read as SQL, else the table of the referencing table's schema (DuckDB has no foreign keys between schemas)
 * whose name, alone or after its schema and a dot, is the text, in any case.
 *
 * @param table             the referencing table
 * @param columns           the referencing columns
 * @param referenced        the referenced table, as written
 * @param referencedColumns the referenced columns, or empty for the referenced table's primary key
 * @param onUpdate          the action on update, or null for DuckDB's only one (NO ACTION)
 * @param onDelete          the action on delete, or null
 */
record ForeignKeyReference(QualifiedName table, List<String> columns, String referenced, List<String> referencedColumns,
                           String onUpdate, String onDelete) {

    public ForeignKeyReference {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /**
     * The referenced table.
     *
     * @param tables the tables of the export, by name (matched in any case); null for a name that is none
     * @param inSchema the tables of the referencing table's schema
     * @return the table, or null where none matches
     */
    Table resolve(Function<QualifiedName, Table> tables, List<Table> inSchema) {
        QualifiedName asSql = asSql();
        Table named = asSql == null ? null : tables.apply(asSql);
        if (named != null) {
            return named;
        }
        List<Table> matching = inSchema.stream().filter(t -> referenced.equalsIgnoreCase(t.name().name())
                || referenced.equalsIgnoreCase(t.name().schema() + "." + t.name().name())).toList();
        return matching.size() == 1 ? matching.get(0) : null;
    }

    /** The foreign key, referencing {@code referencedTable} and its columns (its primary key's, where none are named). */
    ForeignKey toForeignKey(Table referencedTable) {
        List<String> target = referencedColumns.isEmpty() && referencedTable.primaryKey() != null
                ? referencedTable.primaryKey().columns() : referencedColumns;
        return new ForeignKey(null, table, columns, referencedTable.name(), target, onUpdate, onDelete);
    }

    /** The referenced name read as SQL, or null where it is not a name in SQL. */
    private QualifiedName asSql() {
        try {
            Tokens tokens = new Tokens(referenced);
            QualifiedName name = tokens.qualifiedName(table.schema());
            return tokens.current().kind() == SqlToken.Kind.END ? name : null;
        } catch (SQLException | IllegalArgumentException notSql) {
            return null;
        }
    }
}
