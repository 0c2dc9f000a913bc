package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Comment;
import dev.ferry.core.model.schema.Identity;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.View;
import java.util.Locale;

/**
 * The CREATE, ALTER and DROP statements, and the column types, that MariaDB's scripts are written with (see the
 * methods of {@link MariaDbDialect} of the same names for why each is written so).
 */
final class MariaDbDdl {
    private final Dialect dialect;

    /** @param dialect quotes the names */
    MariaDbDdl(Dialect dialect) {
        this.dialect = dialect;
    }

    /** CREATE DATABASE IF NOT EXISTS, with {@code options} (its character set and collation) where there are any. */
    String createSchema(String schema, String options) {
        return "CREATE DATABASE IF NOT EXISTS " + dialect.quoteIdentifier(schema)
                + (options == null ? "" : " " + options);
    }

    /** DROP DATABASE IF EXISTS. */
    String dropSchema(String schema) {
        return "DROP DATABASE IF EXISTS " + dialect.quoteIdentifier(schema);
    }

    /** The column's type, NULL after a nullable TIMESTAMP. */
    static String columnType(Column column) {
        String type = column.typeName();
        return column.nullable() && MariaDbTypes.baseType(type.toUpperCase(Locale.ROOT)).equals("TIMESTAMP")
                ? type + " NULL" : type;
    }

    /** ALTER TABLE ... AUTO_INCREMENT = next. */
    String restartIdentity(QualifiedName table, Identity identity) {
        return "ALTER TABLE " + dialect.quote(table) + " AUTO_INCREMENT = " + identity.next();
    }

    /** DROP TABLE IF EXISTS, with the foreign key checks off for that statement. */
    String dropTable(QualifiedName table) {
        return "SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS " + dialect.quote(table);
    }

    /** CREATE SEQUENCE with every option spelled out, its range within MariaDB's. */
    String createSequence(Sequence sequence) {
        // MariaDB's sequences end one short of BIGINT's range, where other engines' end by default.
        long maximum = Math.min(sequence.maximum(), Long.MAX_VALUE - 1);
        long minimum = Math.max(sequence.minimum(), Long.MIN_VALUE + 1);
        return "CREATE SEQUENCE " + dialect.quote(sequence.name()) + " START WITH " + sequence.start() + " MINVALUE "
                + minimum + " MAXVALUE " + maximum + " INCREMENT BY " + sequence.increment()
                + (sequence.cache() == null ? "" : " CACHE " + sequence.cache())
                + (sequence.cycle() ? " CYCLE" : " NOCYCLE");
    }

    /**
     * CREATE VIEW with the view's options (ALGORITHM, SQL SECURITY) where it has them.
     *
     * @param name the view's name and list of columns, as CREATE VIEW writes them
     */
    static String createView(View view, String name) {
        return "CREATE " + (view.options() == null ? "" : view.options() + " ") + "VIEW " + name + " AS "
                + view.query();
    }

    /** ALTER TABLE ... COMMENT = '...' for a table's comment; nothing for a column's. */
    String comment(Comment comment) {
        return comment.column() != null ? ""
                : "ALTER TABLE " + dialect.quote(comment.table()) + " COMMENT = "
                        + MariaDbSqlText.stringLiteral(comment.text());
    }
}
