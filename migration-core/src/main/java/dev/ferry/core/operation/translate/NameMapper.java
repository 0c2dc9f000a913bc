package dev.ferry.core.operation.translate;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.IdentifierCase;
import dev.ferry.core.model.schema.QualifiedName;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How names of one engine are written in another. A name the source would read without quotes (H2's {@code ORDERS},
 * PostgreSQL's {@code orders}, MariaDB's {@code Orders}) is written as the target reads it without quotes (H2:
 * {@code ORDERS}; PostgreSQL, MariaDB, SQLite, DuckDB: {@code orders}), so that SQL written for the target without
 * quotes still finds it; any other name is kept exactly. The source's default schema, and the schemas its scripts name
 * implicitly (MariaDB's current database), become the target's default schema.
 */
final class NameMapper {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final IdentifierCase from;
    private final IdentifierCase to;
    private final Dialect target;
    private final Set<String> defaultSchemas;

    /**
     * @param defaultSchemas the source's schemas that are the target's default schema (compared in any case)
     */
    NameMapper(Dialect source, Dialect target, Set<String> defaultSchemas) {
        this.from = source.capabilities().identifierCase();
        this.to = target.capabilities().identifierCase();
        this.target = target;
        this.defaultSchemas = defaultSchemas;
    }

    /** {@code identifier} as the target names it. */
    String name(String identifier) {
        if (identifier == null || !PLAIN.matcher(identifier).matches() || !readsPlain(identifier)) {
            return identifier;
        }
        return switch (to) {
            case UPPER -> identifier.toUpperCase(Locale.ROOT);
            case LOWER -> identifier.toLowerCase(Locale.ROOT);
            case PRESERVED -> from == IdentifierCase.PRESERVED ? identifier : identifier.toLowerCase(Locale.ROOT);
        };
    }

    private boolean readsPlain(String identifier) {
        return identifier.equals(from.folded(identifier));
    }

    /** Whether the source's {@code schema} is the target's default schema. */
    boolean isDefaultSchema(String schema) {
        return schema == null || defaultSchemas.stream().anyMatch(s -> s.equalsIgnoreCase(schema));
    }

    /** The target's schema for the source's {@code schema}: its default one, or the same schema named for it. */
    String schema(String schema) {
        return isDefaultSchema(schema) || !target.capabilities().hasSchemas() ? target.capabilities().defaultSchema() : name(schema);
    }

    /** A table, view or sequence as the target names it. */
    QualifiedName qualified(QualifiedName name) {
        return new QualifiedName(schema(name.schema()), name(name.name()));
    }
}
