package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.SharedSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's exported snapshot, as {@code pg_dump -j} uses it: the leader's transaction names its snapshot with
 * {@code pg_export_snapshot()}, and each follower adopts it with {@code SET TRANSACTION SNAPSHOT} as the first
 * statement of its REPEATABLE READ transaction. The snapshot stays importable while the leader's transaction is open,
 * which it is for the whole export; nothing is held beyond it.
 */
final class PostgresSnapshot implements SharedSnapshot {
    private final String id;

    private PostgresSnapshot(String id) {
        this.id = id;
    }

    /** Exports the snapshot of {@code leader}'s open transaction. */
    static PostgresSnapshot export(Connection leader) throws SQLException {
        try (Statement statement = leader.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_export_snapshot()")) {
            row.next();
            return new PostgresSnapshot(row.getString(1));
        }
    }

    @Override
    public void join(Connection follower) throws SQLException {
        // SET TRANSACTION SNAPSHOT takes a literal only, not a parameter; the id is the server's own text.
        try (PreparedStatement statement = follower.prepareStatement("SET TRANSACTION SNAPSHOT '"
                + id.replace("'", "''") + "'")) {
            statement.execute();
        }
    }

    @Override
    public void close() {
    }
}
