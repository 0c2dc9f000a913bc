package dev.ferry.core.operation.translate;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sequences of an exported schema that column defaults take their next value from ({@code nextval('s')},
 * {@code nextval(s)}, {@code NEXT VALUE FOR s}), as the source writes them.
 */
final class SequenceDefaults {
    private final Dialect source;
    private final NameMapper names;
    private final List<Sequence> sequences;
    private final Map<QualifiedName, Integer> uses = new HashMap<>();

    SequenceDefaults(Dialect source, NameMapper names, List<Sequence> sequences, List<Table> tables)
            throws SQLException {
        this.source = source;
        this.names = names;
        this.sequences = List.copyOf(sequences);
        for (Table table : tables) {
            for (Column column : table.columns()) {
                Sequence sequence = sequenceOf(column.defaultExpression());
                if (sequence != null) {
                    uses.merge(sequence.name(), 1, Integer::sum);
                }
            }
        }
    }

    /** The sequence {@code expression} takes the next value of, or null for any other default (or none). */
    Sequence sequenceOf(String expression) throws SQLException {
        if (expression == null) {
            return null;
        }
        List<SqlToken> tokens = SqlLexer.tokens(expression, source.capabilities().mysqlSyntax());
        List<String> parts;
        if (tokens.size() >= 3 && tokens.get(0).isWord("nextval") && tokens.get(1).isSymbol("(")) {
            parts = tokens.get(2).kind() == SqlToken.Kind.STRING ? nameParts(tokens.get(2).text())
                    : nameParts(tokens.subList(2, tokens.size()));
        } else if (tokens.size() >= 4 && tokens.get(0).isWord("NEXT") && tokens.get(1).isWord("VALUE")
                && tokens.get(2).isWord("FOR")) {
            parts = nameParts(tokens.subList(3, tokens.size()));
        } else {
            return null;
        }
        if (parts.isEmpty()) {
            return null;
        }
        String name = parts.get(parts.size() - 1);
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        for (Sequence sequence : sequences) {
            if (sequence.name().name().equalsIgnoreCase(name) && (schema == null || schema.equalsIgnoreCase(
                    sequence.name().schema() == null ? "" : sequence.name().schema())
                    || sequence.name().schema() == null && names.isDefaultSchema(schema))) {
                return sequence;
            }
        }
        return null;
    }

    /** Whether {@code sequence} serves one column's default alone. */
    boolean servesOneColumn(Sequence sequence) {
        return uses.getOrDefault(sequence.name(), 0) == 1;
    }

    private List<String> nameParts(String qualified) throws SQLException {
        return nameParts(SqlLexer.tokens(qualified, source.capabilities().mysqlSyntax()));
    }

    /** The dotted name the tokens start with: each part as stored (quoted as written, unquoted as folded). */
    private static List<String> nameParts(List<SqlToken> tokens) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i += 2) {
            SqlToken token = tokens.get(i);
            if (token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER || token.kind() == SqlToken.Kind.WORD) {
                parts.add(token.text());
            } else {
                break;
            }
            if (i + 1 >= tokens.size() || !tokens.get(i + 1).isSymbol(".")) {
                break;
            }
        }
        return parts;
    }
}
