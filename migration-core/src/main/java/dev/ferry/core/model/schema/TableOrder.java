package dev.ferry.core.model.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so that each comes after the tables its foreign keys refer to, for engines whose foreign keys are
 * declared in CREATE TABLE (see {@code Capabilities#foreignKeysInCreateTable}). Tables that do not
 * depend on each other keep their order. For an engine that also checks each row's keys as it loads, {@link #cycleKeys}
 * names the keys to leave out so that such an order exists.
 */
public final class TableOrder {

    private TableOrder() {
    }

    /**
     * The tables, each after those it refers to; a reference to itself does not count. A cycle, which such engines
     * cannot create, keeps the given order for the tables in it.
     */
    public static List<Table> referencedFirst(List<Table> tables, List<ForeignKey> foreignKeys) {
        Map<QualifiedName, Set<QualifiedName>> refersTo = new HashMap<>();
        for (ForeignKey key : foreignKeys) {
            if (!key.referencedTable().equals(key.table())) {
                refersTo.computeIfAbsent(key.table(), t -> new HashSet<>()).add(key.referencedTable());
            }
        }
        Map<QualifiedName, Table> pending = new LinkedHashMap<>();
        for (Table table : tables) {
            pending.put(table.name(), table);
        }
        List<Table> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Table ready = pending.values().stream()
                    .filter(table -> refersTo.getOrDefault(table.name(), Set.of()).stream()
                            .noneMatch(pending::containsKey))
                    .findFirst()
                    .orElse(pending.values().iterator().next());
            ordered.add(ready);
            pending.remove(ready.name());
        }
        return ordered;
    }

    /**
     * The foreign keys to leave out so that no table refers, through the others, back to itself: each key referring
     * to its own table, and one key of each cycle of tables. A cycle is found by following, from each table in the
     * given order, its first key to a table not yet ordered; the key that closes it is the one left out. Without
     * them, {@link #referencedFirst} orders every table after those it refers to.
     */
    public static List<ForeignKey> cycleKeys(List<Table> tables, List<ForeignKey> foreignKeys) {
        List<ForeignKey> left = new ArrayList<>();
        List<ForeignKey> kept = new ArrayList<>();
        for (ForeignKey key : foreignKeys) {
            (key.referencedTable().equals(key.table()) ? left : kept).add(key);
        }
        Set<QualifiedName> known = new HashSet<>();
        tables.forEach(table -> known.add(table.name()));
        while (true) {
            ForeignKey closing = closingKey(tables, kept, known);
            if (closing == null) {
                return left;
            }
            left.add(closing);
            kept.remove(closing);
        }
    }

    /** A key that closes a cycle among {@code keys}, or null where there is none. */
    private static ForeignKey closingKey(List<Table> tables, List<ForeignKey> keys, Set<QualifiedName> known) {
        Map<QualifiedName, List<ForeignKey>> from = new LinkedHashMap<>();
        for (ForeignKey key : keys) {
            if (known.contains(key.referencedTable())) {
                from.computeIfAbsent(key.table(), t -> new ArrayList<>()).add(key);
            }
        }
        Set<QualifiedName> acyclic = new HashSet<>();
        for (Table table : tables) {
            ForeignKey found = closingKey(table.name(), from, acyclic, new LinkedHashMap<>());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Depth first from {@code table} along {@code path}; the key back into the path, or null. */
    private static ForeignKey closingKey(QualifiedName table, Map<QualifiedName, List<ForeignKey>> from,
                                         Set<QualifiedName> acyclic, Map<QualifiedName, Boolean> path) {
        if (acyclic.contains(table)) {
            return null;
        }
        path.put(table, true);
        for (ForeignKey key : from.getOrDefault(table, List.of())) {
            if (path.containsKey(key.referencedTable())) {
                return key;
            }
            ForeignKey found = closingKey(key.referencedTable(), from, acyclic, path);
            if (found != null) {
                return found;
            }
        }
        path.remove(table);
        acyclic.add(table);
        return null;
    }
}
