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
 * depend on each other keep their order.
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
}
