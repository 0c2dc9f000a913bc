package dev.ferry.core.dialect.h2;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Sequence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A sequence as H2 1.4.200's INFORMATION_SCHEMA.SEQUENCES describes it: the value it handed out last
 * (CURRENT_VALUE; start minus increment before the first), not the value it started with, which 1.4.200 does not
 * keep.
 *
 * @param generated whether H2 made it for an identity (AUTO_INCREMENT) column
 */
record H2LegacySequence(QualifiedName name, long current, long increment, long minimum, long maximum, boolean cycle,
                        boolean generated) {
    private static final String SELECT = "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, CURRENT_VALUE, INCREMENT, MIN_VALUE,"
            + " MAX_VALUE, IS_CYCLE, IS_GENERATED FROM INFORMATION_SCHEMA.SEQUENCES";

    /** Every sequence of the database, system schemas included. */
    static List<H2LegacySequence> list(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, SELECT + " ORDER BY 1, 2", H2LegacySequence::read);
    }

    /** The sequence behind an identity column, or null. */
    static H2LegacySequence of(Connection connection, QualifiedName name) throws SQLException {
        return CatalogQuery.first(connection, SELECT + " WHERE SEQUENCE_SCHEMA = ? AND SEQUENCE_NAME = ?",
                H2LegacySequence::read, name.schema(), name.name()).orElse(null);
    }

    /** The sequence one row of {@link #SELECT} describes. */
    private static H2LegacySequence read(ResultSet row) throws SQLException {
        return new H2LegacySequence(new QualifiedName(row.getString(1), row.getString(2)), row.getLong(3),
                row.getLong(4), row.getLong(5), row.getLong(6), row.getBoolean(7), row.getBoolean(8));
    }

    /**
     * The value the next {@code NEXT VALUE FOR} gives: the last one plus the increment, or, for a cycling sequence
     * past its end, its other end. (An exhausted sequence that does not cycle has no next value; H2 2.x then refuses
     * the position written, and the import fails naming the sequence.)
     */
    long next() {
        long next = current + increment;
        boolean overflow = ((current ^ next) & (increment ^ next)) < 0;
        boolean pastTheEnd = overflow || (increment > 0 ? next > maximum : next < minimum);
        if (pastTheEnd && cycle) {
            return increment > 0 ? minimum : maximum;
        }
        return next;
    }

    /**
     * The sequence as it is created in H2 2.x: starting at its position (as 1.4.200's own SCRIPT writes it), with
     * H2's default type and cache.
     */
    Sequence toSequence() {
        return new Sequence(name, null, next(), increment, minimum, maximum, cycle, next(), null);
    }
}
