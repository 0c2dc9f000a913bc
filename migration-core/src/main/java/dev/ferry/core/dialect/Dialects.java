package dev.ferry.core.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ServiceLoader;

/** Finds the dialect for a connection's engine. */
public final class Dialects {

    private Dialects() {
    }

    /**
     * The first dialect registered as a {@link Dialect} service that supports the connection's engine, else
     * the generic {@link StandardDialect}.
     */
    public static Dialect forConnection(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (Dialect dialect : ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader())) {
            if (dialect.supports(metaData)) {
                return dialect;
            }
        }
        return new StandardDialect();
    }
}
