package dev.ferry.core.model.schema;

import java.util.Set;

/**
 * The tables, views and sequences an export takes among those of its schemas ({@link TableChoice#resolve}), and
 * those it leaves out. What is in neither set is outside the schemas exported.
 *
 * @param chosen  the relations exported
 * @param leftOut the relations of the schemas exported that are not
 */
public record TableSelection(Set<QualifiedName> chosen, Set<QualifiedName> leftOut) {

    public TableSelection {
        chosen = Set.copyOf(chosen);
        leftOut = Set.copyOf(leftOut);
    }

    /** Whether {@code name} is exported. */
    public boolean includes(QualifiedName name) {
        return chosen.contains(name);
    }

    /** Whether {@code name} is in a schema exported but left out by the choice. */
    public boolean leavesOut(QualifiedName name) {
        return leftOut.contains(name);
    }
}
