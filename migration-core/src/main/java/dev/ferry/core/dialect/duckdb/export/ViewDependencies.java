package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.model.schema.QualifiedName;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which views a view's query reads, found from the names it mentions ({@link IdentifierChains}) matched against the
 * views of the export, case-insensitively as DuckDB matches names: {@code v} is a view {@code v} of {@code main} or of
 * the view's own schema, {@code s.v} (or {@code s.v.column}, {@code db.s.v}) the view {@code v} of {@code s}, and
 * {@code v.column} the view {@code v}. A name that is something else there (a column, an alias) may make a view
 * seem to depend on another that it does not read: that only orders it later.
 */
final class ViewDependencies {
    private final Map<String, QualifiedName> views = new HashMap<>();

    /** @param views every view of the export */
    ViewDependencies(List<QualifiedName> views) {
        for (QualifiedName view : views) {
            this.views.put(key(view.schema(), view.name()), view);
        }
    }

    /** The views {@code query}, the query of {@code view}, reads. */
    Set<QualifiedName> of(QualifiedName view, String query) throws SQLException {
        Set<QualifiedName> read = new LinkedHashSet<>();
        String ownSchema = view.schema().toLowerCase(Locale.ROOT);
        for (List<String> chain : IdentifierChains.in(query)) {
            add(read, key(Tokens.MAIN, chain.get(0)));
            add(read, key(ownSchema, chain.get(0)));
            if (chain.size() > 1) {
                add(read, key(chain.get(0), chain.get(1)));
            }
            if (chain.size() > 2) {
                add(read, key(chain.get(1), chain.get(2)));
            }
        }
        read.remove(view);
        return read;
    }

    private void add(Set<QualifiedName> read, String key) {
        QualifiedName view = views.get(key);
        if (view != null) {
            read.add(view);
        }
    }

    private static String key(String schema, String name) {
        return schema.toLowerCase(Locale.ROOT) + "\u0000" + name.toLowerCase(Locale.ROOT);
    }
}
