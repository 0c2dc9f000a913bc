package dev.ferry.driver;

import java.sql.Connection;

/** A vendor interface of the stub database's connections, as a real driver's {@code JdbcConnection} would be. */
public interface StubVendorConnection extends Connection {

    /** Something only the stub knows. */
    String stubName();
}
