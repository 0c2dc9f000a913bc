package dev.ferry.core.model.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the user's routines and tables need created before them, where the engine's catalog says (PostgreSQL's
 * pg_depend): a routine may need other routines (an aggregate its state function) and tables (a function that
 * returns or takes a table's row type), a table may need routines (a default or check that calls a function). Routines are
 * named by their CREATE statement, as {@link DatabaseSchema#routines()} holds them. See {@link CreationOrder}.
 *
 * @param routineRoutines the routines each routine needs first
 * @param routineTables   the tables each routine needs first
 * @param calledBy        the tables that need each routine first
 */
public record Dependencies(Map<String, Set<String>> routineRoutines, Map<String, Set<QualifiedName>> routineTables,
                           Map<String, Set<QualifiedName>> calledBy) {

    /** No dependencies known: routines, then sequences, then tables, as given. */
    public static final Dependencies NONE = new Dependencies(Map.of(), Map.of(), Map.of());

    public Dependencies {
        routineRoutines = Map.copyOf(new LinkedHashMap<>(routineRoutines));
        routineTables = Map.copyOf(new LinkedHashMap<>(routineTables));
        calledBy = Map.copyOf(new LinkedHashMap<>(calledBy));
    }

    /** Whether nothing is known to depend on anything. */
    public boolean isEmpty() {
        return routineRoutines.isEmpty() && routineTables.isEmpty() && calledBy.isEmpty();
    }
}
