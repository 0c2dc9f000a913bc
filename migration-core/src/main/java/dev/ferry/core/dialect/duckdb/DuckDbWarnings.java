package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What a DuckDB export does not carry, or carries only in part, in words. */
final class DuckDbWarnings {
    private final Connection connection;
    private final DuckDbCatalog catalog;

    DuckDbWarnings(Connection connection, Dialect dialect) throws SQLException {
        this.connection = connection;
        this.catalog = new DuckDbCatalog(connection, dialect);
    }

    /** The warnings for the schemas {@code inScope} accepts. */
    List<String> of(Predicate<String> inScope) throws SQLException {
        List<String> warnings = new ArrayList<>();
        List<QualifiedName> macros = catalog.macroNames(inScope);
        if (!macros.isEmpty() && !catalog.version().showsMacros()) {
            for (QualifiedName macro : macros) {
                warnings.add("Macro " + macro + " is not exported: DuckDB " + catalog.version().major() + "."
                        + catalog.version().minor() + " does not show its definition as it can be created again");
            }
        } else if (!macros.isEmpty()) {
            warnings.add("Macros " + macros.stream().map(QualifiedName::toString).collect(Collectors.joining(", "))
                    + " are exported as duckdb_functions() shows them, which leaves out default values of parameters"
                    + " (name := value): a macro that has them is created without them");
        }
        for (DuckDbUserTypes.UserType type : catalog.userTypes().all()) {
            if (inScope.test(type.name().schema()) && !DuckDbUserTypes.isCreatable(type)) {
                warnings.add("Type " + type.name() + " (" + type.logicalType() + ") is not exported: DuckDB's catalog"
                        + " does not write out its definition; columns of it are created with their type written out");
            }
        }
        for (String schema : catalog.schemas()) {
            if (!inScope.test(schema)) {
                continue;
            }
            HashSet<String> tables = new HashSet<>(catalog.tables(schema));
            for (String table : tables) {
                DuckDbConstraints.read(connection, catalog.version(), new QualifiedName(schema, table))
                        .foreignKeys(tables, warnings);
            }
        }
        return warnings;
    }
}
