package dev.ferry.core.model.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Orders views so that each comes after the views it reads (DuckDB writes them in name order, and then cannot
 * import a view on a view whose name sorts first). Views that do not depend on each other stay in name order.
 */
public final class ViewOrder {

    private ViewOrder() {
    }

    /** The views, each after those it depends on; a dependency cycle, which engines refuse, keeps name order. */
    public static List<View> sort(List<View> views) {
        Map<QualifiedName, View> pending = new TreeMap<>(Comparator.comparing(QualifiedName::toString));
        for (View view : views) {
            pending.put(view.name(), view);
        }
        Map<QualifiedName, View> ordered = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            View ready = pending.values().stream()
                    .filter(view -> view.dependsOn().stream().noneMatch(pending::containsKey))
                    .findFirst()
                    .orElse(pending.values().iterator().next());
            ordered.put(ready.name(), ready);
            pending.remove(ready.name());
        }
        return new ArrayList<>(ordered.values());
    }
}
