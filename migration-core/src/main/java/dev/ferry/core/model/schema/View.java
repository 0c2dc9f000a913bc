package dev.ferry.core.model.schema;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A view.
 *
 * @param name         schema and name
 * @param query        its query, as the engine gives it
 * @param materialized whether it is a materialized view (populated when created, after the data)
 * @param dependsOn    the views it reads, which must be created before it; kept in the order of their names, so that
 *                     what is written of them (schema.json, warnings) is the same from one run to the next
 * @param options      what the engine declares between CREATE and VIEW (MariaDB: {@code ALGORITHM=MERGE SQL SECURITY
 *                     INVOKER}), or null
 * @param columns      the names CREATE VIEW gives the view's columns where they are not its query's (a view translated
 *                     from an engine whose statement names them); empty where the query names them
 */
public record View(QualifiedName name, String query, boolean materialized, Set<QualifiedName> dependsOn,
                   String options, List<String> columns) {

    public View {
        Set<QualifiedName> ordered = new TreeSet<>(Comparator.comparing(QualifiedName::schema,
                Comparator.nullsFirst(Comparator.<String>naturalOrder())).thenComparing(QualifiedName::name));
        ordered.addAll(dependsOn);
        dependsOn = Collections.unmodifiableSet(ordered);
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** A view whose query names its columns. */
    public View(QualifiedName name, String query, boolean materialized, Set<QualifiedName> dependsOn, String options) {
        this(name, query, materialized, dependsOn, options, List.of());
    }

    /** A view without options. */
    public View(QualifiedName name, String query, boolean materialized, Set<QualifiedName> dependsOn) {
        this(name, query, materialized, dependsOn, null);
    }
}
