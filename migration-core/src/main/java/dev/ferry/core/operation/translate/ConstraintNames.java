package dev.ferry.core.operation.translate;

import dev.ferry.core.model.schema.QualifiedName;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The names of a translated schema's constraints, each unique in the whole schema. */
final class ConstraintNames {
    private final NameMapper names;
    private final Set<String> taken = new HashSet<>();

    ConstraintNames(NameMapper names) {
        this.names = names;
    }

    /**
     * A constraint's name, unique in the whole schema: MariaDB names constraints per table (every primary key is
     * {@code PRIMARY}), other engines per schema. A name taken already is prefixed with its table's.
     */
    String of(QualifiedName table, String name) {
        if (name == null) {
            return null;
        }
        String mapped = names.name(name);
        if (mapped.equalsIgnoreCase("PRIMARY") || !taken.add(mapped.toLowerCase(Locale.ROOT))) {
            mapped = table.name() + "_" + mapped;
            taken.add(mapped.toLowerCase(Locale.ROOT));
        }
        return mapped;
    }
}
