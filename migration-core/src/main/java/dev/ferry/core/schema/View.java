package dev.ferry.core.schema;

import java.util.Set;

/**
 * A view.
 *
 * @param name         schema and name
 * @param query        its query, as the engine gives it
 * @param materialized whether it is a materialized view (populated when created, after the data)
 * @param dependsOn    the views it reads, which must be created before it
 */
public record View(QualifiedName name, String query, boolean materialized, Set<QualifiedName> dependsOn) {

    public View {
        dependsOn = Set.copyOf(dependsOn);
    }
}
