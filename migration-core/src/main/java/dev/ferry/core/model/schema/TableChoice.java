package dev.ferry.core.model.schema;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables an export chooses among those of its schemas, as the user gave them: EXPORT DATABASE's {@code TABLES}
 * and {@code EXCLUDE_TABLES}, each a list of names and patterns ({@link TablePattern}). They name tables, views and
 * sequences alike, as pg_dump's {@code -t} and {@code -T} do.
 *
 * @param tables        the names and patterns to export; empty for all
 * @param excludeTables the names and patterns to leave out, which win over {@code tables}
 */
public record TableChoice(List<String> tables, List<String> excludeTables) {

    /** Everything of the schemas exported. */
    public static final TableChoice ALL = new TableChoice(List.of(), List.of());

    /** The option naming what to export, for messages. */
    static final String TABLES = "TABLES";

    /** The option naming what to leave out, for messages. */
    static final String EXCLUDE_TABLES = "EXCLUDE_TABLES";

    /** How many relations an error lists where none is close to a name. */
    private static final int LISTED = 20;

    public TableChoice {
        tables = List.copyOf(tables);
        excludeTables = List.copyOf(excludeTables);
    }

    /** Whether this chooses anything, rather than taking all. */
    public boolean chooses() {
        return !tables.isEmpty() || !excludeTables.isEmpty();
    }

    /**
     * The relations chosen among {@code candidates} (every table, view and sequence of the schemas exported). A name
     * or pattern matches the relations it matches in their case, else those it matches in any case; a name without
     * wildcards matching two relations of one schema whose names differ in case alone is refused as ambiguous.
     *
     * @param defaultSchema the schema of the relations named without one (MariaDB's current database), which a
     *                      pattern may name; null where there is none
     * @throws SQLException (22023) for a name or pattern that cannot be read, matches nothing (listing the
     *                      relations close to it, or those there are) or is ambiguous
     */
    public TableSelection resolve(Collection<QualifiedName> candidates, String defaultSchema) throws SQLException {
        List<QualifiedName> all = List.copyOf(new LinkedHashSet<>(candidates));
        if (!chooses()) {
            return new TableSelection(Set.copyOf(all), Set.of());
        }
        Set<QualifiedName> chosen = new LinkedHashSet<>();
        for (String text : tables) {
            chosen.addAll(matches(TABLES, text, all, defaultSchema));
        }
        if (tables.isEmpty()) {
            chosen.addAll(all);
        }
        for (String text : excludeTables) {
            chosen.removeAll(matches(EXCLUDE_TABLES, text, all, defaultSchema));
        }
        Set<QualifiedName> leftOut = new LinkedHashSet<>(all);
        leftOut.removeAll(chosen);
        return new TableSelection(chosen, leftOut);
    }

    private static List<QualifiedName> matches(String option, String text, List<QualifiedName> all,
                                               String defaultSchema) throws SQLException {
        TablePattern pattern = TablePattern.parse(text);
        if (pattern == null) {
            throw FerryErrors.invalidParameter(option + " names " + text + ", which is not a name or pattern: write"
                    + " table, schema.table or a pattern with * and ? (a name holding a dot in double quotes)");
        }
        List<QualifiedName> exact = all.stream().filter(r -> pattern.matches(r, defaultSchema, false)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        List<QualifiedName> anyCase = all.stream().filter(r -> pattern.matches(r, defaultSchema, true)).toList();
        if (anyCase.isEmpty()) {
            throw FerryErrors.invalidParameter(option + " names " + text + ", which matches no table, view or"
                    + " sequence of the schemas exported; " + closeTo(pattern, all));
        }
        if (!pattern.wild()) {
            Map<String, List<QualifiedName>> bySchema = new HashMap<>();
            for (QualifiedName relation : anyCase) {
                bySchema.computeIfAbsent(String.valueOf(relation.schema()), s -> new ArrayList<>()).add(relation);
            }
            for (List<QualifiedName> same : bySchema.values()) {
                if (same.size() > 1) {
                    throw FerryErrors.invalidParameter(option + " names " + text + ", which matches "
                            + joined(same) + ", whose names differ in case alone; write the name in its case");
                }
            }
        }
        return anyCase;
    }

    /** The relations whose names are close to the pattern's, or, where none is, those there are. */
    private static String closeTo(TablePattern pattern, List<QualifiedName> all) {
        String name = pattern.lowerName();
        int most = Math.max(1, Math.min(3, name.length() / 3));
        List<QualifiedName> close = all.stream().filter(relation -> {
            String other = relation.name().toLowerCase(Locale.ROOT);
            return other.equals(name) || distance(other, name) <= most;
        }).toList();
        if (!close.isEmpty()) {
            return "did you mean " + joined(close) + "?";
        }
        if (all.isEmpty()) {
            return "they hold none";
        }
        return "they hold " + joined(all.subList(0, Math.min(LISTED, all.size())))
                + (all.size() > LISTED ? " and " + (all.size() - LISTED) + " more" : "");
    }

    private static String joined(List<QualifiedName> names) {
        return String.join(", ", names.stream().map(QualifiedName::toString).toList());
    }

    /** The edit distance (Levenshtein) between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
