package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.QualifiedName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The user's types of a DuckDB database ({@code CREATE TYPE mood AS ENUM (...)}, {@code CREATE TYPE id AS BIGINT}):
 * created before the tables, and named again by the columns of those types. DuckDB 0.8.1 writes such a column's type
 * as the type's name; 1.x writes an enum column's type out in full ({@code ENUM('sad', 'happy')}), so the name is
 * found again by the labels.
 */
final class DuckDbUserTypes {
    private final List<UserType> types;
    private final Dialect dialect;

    /**
     * A user's type.
     *
     * @param name        schema and name
     * @param logicalType what it stands for: {@code ENUM}, or a built-in type such as {@code INTEGER}
     * @param labels      an enum's labels in order, else empty
     */
    record UserType(QualifiedName name, String logicalType, List<String> labels) {
        boolean isEnum() {
            return "ENUM".equalsIgnoreCase(logicalType);
        }

        /** The enum written out as DuckDB 1.x writes an enum column's type: {@code ENUM('a', 'it''s')}. */
        String enumText() {
            return "ENUM(" + labels.stream().map(l -> "'" + l.replace("'", "''") + "'").collect(Collectors.joining(", "))
                    + ")";
        }
    }

    DuckDbUserTypes(List<UserType> types, Dialect dialect) {
        this.types = List.copyOf(types);
        this.dialect = dialect;
    }

    /** Every user's type of the database. */
    List<UserType> all() {
        return types;
    }

    /** The type a column's written type stands for: an enum written out, a built-in type, or the type itself. */
    String logicalType(String written) {
        UserType named = named(written, null);
        if (named == null) {
            return written;
        }
        return named.isEnum() ? named.enumText() : named.logicalType();
    }

    /**
     * How CREATE TABLE declares a column whose type DuckDB wrote as {@code written}, in a table of {@code schema}: by
     * the user's type it names or whose labels it spells out, else as written. A type of another schema than
     * {@code main} is named with its schema.
     */
    String declaration(String written, String schema) {
        UserType type = named(written, schema);
        if (type == null && DuckDbTypes.normalized(written).startsWith("ENUM(")) {
            type = preferred(types.stream().filter(t -> t.isEnum() && t.enumText().equals(written)).toList(), schema);
        }
        if (type == null) {
            return written;
        }
        return "main".equals(type.name().schema()) ? dialect.quoteIdentifier(type.name().name())
                : dialect.quote(type.name());
    }

    /** The user's type called {@code name}, preferring one in {@code schema}, then one in main. */
    private UserType named(String name, String schema) {
        return preferred(types.stream().filter(t -> t.name().name().equals(name)).toList(), schema);
    }

    private static UserType preferred(List<UserType> candidates, String schema) {
        List<UserType> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt((UserType t) -> Objects.equals(t.name().schema(), schema) ? 0
                : "main".equals(t.name().schema()) ? 1 : 2));
        return sorted.isEmpty() ? null : sorted.get(0);
    }

    /**
     * CREATE TYPE for each enum and each other name of a built-in type in the schemas {@code inScope} accepts; a
     * user's type DuckDB describes by a kind alone ({@code STRUCT}, {@code UNION}) is left to the warnings.
     */
    List<String> createStatements(Predicate<String> inScope) {
        List<String> statements = new ArrayList<>();
        for (UserType type : types) {
            if (!inScope.test(type.name().schema())) {
                continue;
            }
            if (type.isEnum()) {
                statements.add("CREATE TYPE " + dialect.quote(type.name()) + " AS ENUM ("
                        + type.labels().stream().map(dialect::quoteLiteral).collect(Collectors.joining(", ")) + ")");
            } else if (isCreatable(type)) {
                statements.add("CREATE TYPE " + dialect.quote(type.name()) + " AS " + type.logicalType());
            }
        }
        return statements;
    }

    /** Whether the type's logical type is written out in full, so that CREATE TYPE can make it again. */
    static boolean isCreatable(UserType type) {
        String logical = DuckDbTypes.normalized(type.logicalType());
        return type.isEnum() || !(logical.equals("STRUCT") || logical.equals("UNION") || logical.equals("MAP")
                || logical.equals("LIST") || logical.equals("ARRAY") || logical.equals("DECIMAL"));
    }
}
