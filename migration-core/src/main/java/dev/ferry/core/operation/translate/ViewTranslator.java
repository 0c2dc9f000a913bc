package dev.ferry.core.operation.translate;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.View;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The views of an exported schema written for another engine: each query through {@link QueryTranslator}, each name
 * through {@link NameMapper}. A view whose query cannot be written with its meaning, and each view that reads it, is
 * left out with a warning.
 */
final class ViewTranslator {
    private static final java.util.regex.Pattern CREATE_VIEW = java.util.regex.Pattern.compile(
            "(?is)\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s+(?:\"(?:[^\"]|\"\")*\"|[^\\s(\"]+)"
                    + "(?:\\.(?:\"(?:[^\"]|\"\")*\"|[^\\s(\"]+))*(?:\\s*(\\((?:[^()\"]|\"(?:[^\"]|\"\")*\")*\\)))?"
                    + "\\s+AS\\s+(.*?);?\\s*");
    /** The routine's name, without its schema, in a CREATE FUNCTION or CREATE AGGREGATE statement. */
    private static final java.util.regex.Pattern ROUTINE_NAME = java.util.regex.Pattern.compile(
            "(?is)^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:DEFINER\\s*=\\s*\\S+\\s+)?(?:FUNCTION|AGGREGATE)\\s+"
                    + "(?:[^\\s(.]+\\.)?([^\\s(.]+)");
    private final Dialect source;
    private final Dialect target;
    private final NameMapper names;
    private final QueryTranslator queries;
    private final List<String> warnings;

    /** @param warnings where what is not carried is added */
    ViewTranslator(Dialect source, Dialect target, NameMapper names, QueryTranslator queries, List<String> warnings) {
        this.source = source;
        this.target = target;
        this.names = names;
        this.queries = queries;
        this.warnings = warnings;
    }

    /**
     * The views the target can hold with the same meaning. A view whose query cannot be translated so is left out with
     * a warning naming why, and so is each view that reads a view left out.
     */
    List<View> translate(List<View> views) throws SQLException {
        List<View> translated = new ArrayList<>();
        Set<QualifiedName> leftOut = new HashSet<>();
        for (View view : views) {
            QualifiedName missing = view.dependsOn().stream().filter(leftOut::contains).findFirst().orElse(null);
            if (missing != null) {
                leftOut.add(view.name());
                warnings.add("View " + view.name() + " is not carried to " + target.name() + ": it reads view "
                        + missing + ", which is not carried; create it in " + target.name() + " by hand");
                continue;
            }
            Set<QualifiedName> dependsOn = new LinkedHashSet<>();
            view.dependsOn().forEach(name -> dependsOn.add(names.qualified(name)));
            java.util.regex.Matcher statement = CREATE_VIEW.matcher(view.query());
            boolean whole = statement.matches();
            String query = whole ? statement.group(2) : view.query();
            List<String> columns = whole && statement.group(1) != null ? viewColumns(statement.group(1)) : view.columns();
            String translatedQuery;
            try {
                translatedQuery = queries.query(query);
            } catch (NotTranslatable e) {
                leftOut.add(view.name());
                warnings.add("View " + view.name() + " is not carried to " + target.name() + ": " + e.getMessage()
                        + "; create it in " + target.name() + " by hand");
                continue;
            }
            boolean materialized = view.materialized() && target.capabilities().hasMaterializedViews();
            if (view.materialized() && !materialized) {
                warnings.add("Materialized view " + view.name() + " becomes a plain view: " + target.name()
                        + " has no materialized views");
            }
            translated.add(new View(names.qualified(view.name()), translatedQuery, materialized, dependsOn, null,
                    columns.stream().map(names::name).toList()));
        }
        return translated;
    }

    /**
     * The names in the column list of a whole CREATE VIEW statement, where the engine gives one in place of the view's
     * query (DuckDB; HSQLDB where the view names its columns otherwise than its query), as the source stores them.
     */
    private List<String> viewColumns(String list) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (SqlToken token : SqlLexer.tokens(list, source.capabilities().mysqlSyntax())) {
            if (token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER) {
                columns.add(token.text());
            } else if (token.kind() == SqlToken.Kind.WORD) {
                columns.add(source.capabilities().identifierCase().folded(token.text()));
            }
        }
        return columns;
    }

    /** The names of the source's tables and views. */
    static Set<String> relationNames(DatabaseSchema schema) {
        Set<String> relations = new HashSet<>();
        schema.tables().forEach(table -> relations.add(table.name().name()));
        schema.views().forEach(view -> relations.add(view.name().name()));
        return relations;
    }

    /** The names of the functions and aggregates among {@code routines} (CREATE statements), unquoted. */
    static Set<String> routineNames(List<String> routines) {
        Set<String> found = new HashSet<>();
        for (String routine : routines) {
            java.util.regex.Matcher name = ROUTINE_NAME.matcher(routine);
            if (name.find()) {
                found.add(name.group(1).replaceAll("^[\"`\\[]|[\"`\\]]$", ""));
            }
        }
        return found;
    }
}
