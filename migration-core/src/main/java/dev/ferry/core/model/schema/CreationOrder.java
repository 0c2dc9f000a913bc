package dev.ferry.core.model.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order a schema script creates routines and tables in, by their {@link Dependencies}, as pg_dump orders
 * objects: first the routines that need no table (each after the routines it needs), then, after the sequences, the
 * tables, each routine that needs a table written as soon as what it needs exists and each table after the routines
 * it needs. Without dependencies this is the routines, then the tables, as given. A cycle (a table whose default
 * calls a function that returns its own rows) cannot be ordered: its objects keep the given order, tables first, and
 * {@link #cycles()} names them.
 *
 * @param routines routines created before the sequences
 * @param objects  tables ({@link Table}) and the routines that need tables ({@link String}), in creation order
 * @param cycles   the objects in a dependency cycle, in words; empty if none
 */
public record CreationOrder(List<String> routines, List<Object> objects, List<String> cycles) {

    public CreationOrder {
        routines = List.copyOf(routines);
        objects = List.copyOf(objects);
        cycles = List.copyOf(cycles);
    }

    /** The order of {@code routines} and {@code tables} (each list in its own order) by {@code dependencies}. */
    public static CreationOrder of(List<String> routines, List<Table> tables, Dependencies dependencies) {
        Set<String> needTables = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String routine : routines) {
                if (!needTables.contains(routine)
                        && (!dependencies.routineTables().getOrDefault(routine, Set.of()).isEmpty()
                        || dependencies.routineRoutines().getOrDefault(routine, Set.of()).stream()
                        .anyMatch(needTables::contains))) {
                    needTables.add(routine);
                    grew = true;
                }
            }
        }
        Set<Object> placed = new HashSet<>();
        List<String> first = new ArrayList<>();
        List<String> pendingFirst = new ArrayList<>(routines.stream().filter(r -> !needTables.contains(r)).toList());
        while (!pendingFirst.isEmpty()) {
            String ready = pendingFirst.stream().filter(r -> routineReady(r, dependencies, placed, routines, tables))
                    .findFirst().orElse(pendingFirst.get(0)); // a cycle of routines alone: PostgreSQL's bodies are not checked
            first.add(ready);
            placed.add(ready);
            pendingFirst.remove(ready);
        }
        Map<QualifiedName, Table> pendingTables = new LinkedHashMap<>();
        tables.forEach(table -> pendingTables.put(table.name(), table));
        List<String> pendingRoutines = new ArrayList<>(routines.stream().filter(needTables::contains).toList());
        List<Object> objects = new ArrayList<>();
        List<String> cycles = new ArrayList<>();
        while (!pendingTables.isEmpty() || !pendingRoutines.isEmpty()) {
            Object next = pendingRoutines.stream().filter(r -> routineReady(r, dependencies, placed, routines, tables))
                    .findFirst().map(r -> (Object) r).orElse(null);
            if (next == null) {
                next = pendingTables.values().stream().filter(table -> dependencies.calledBy().entrySet().stream()
                        .noneMatch(called -> called.getValue().contains(table.name())
                                && routines.contains(called.getKey()) && !placed.contains(called.getKey())))
                        .findFirst().orElse(null);
            }
            if (next == null) {
                next = pendingTables.isEmpty() ? pendingRoutines.get(0) : pendingTables.values().iterator().next();
                cycles.add(next instanceof Table table ? "table " + table.name() : "routine " + firstLine((String) next));
            }
            objects.add(next);
            if (next instanceof Table table) {
                pendingTables.remove(table.name());
                placed.add(table.name());
            } else {
                pendingRoutines.remove(next);
                placed.add(next);
            }
        }
        return new CreationOrder(first, objects, cycles);
    }

    /** Whether every routine and table {@code routine} needs (of those the schema holds) is placed. */
    private static boolean routineReady(String routine, Dependencies dependencies, Set<Object> placed,
                                        List<String> routines, List<Table> tables) {
        return dependencies.routineRoutines().getOrDefault(routine, Set.of()).stream()
                .allMatch(r -> r.equals(routine) || placed.contains(r) || !routines.contains(r))
                && dependencies.routineTables().getOrDefault(routine, Set.of()).stream()
                .allMatch(t -> placed.contains(t) || tables.stream().noneMatch(table -> table.name().equals(t)));
    }

    private static String firstLine(String statement) {
        String line = statement.strip().lines().findFirst().orElse("");
        return line.length() > 100 ? line.substring(0, 100) + "..." : line;
    }
}
