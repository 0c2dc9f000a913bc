package dev.ferry.core.schema;

import java.util.Set;

/**
 * A view.
 *
 * @param name         schema and name
 * @param query        its query, as the engine gives it
 * @param materialized whether it is a materialized view (populated when created, after the data)
 * @param dependsOn    the views it reads, which must be created before it
 * @param options      what the engine declares between CREATE and VIEW (MariaDB: {@code ALGORITHM=MERGE SQL SECURITY
 *                     INVOKER}), or null
 */
public record View(QualifiedName name, String query, boolean materialized, Set<QualifiedName> dependsOn,
                   String options) {

    public View {
        dependsOn = Set.copyOf(dependsOn);
    }

    /** A view without options. */
    public View(QualifiedName name, String query, boolean materialized, Set<QualifiedName> dependsOn) {
        this(name, query, materialized, dependsOn, null);
    }
}
