package dev.ferry.driver.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of ferry.jar, where SLF4J is relocated with the libraries that log through it (Parquet, jOOQ):
 * their messages go to java.util.logging, at WARNING and above by default. An application sees Parquet's warnings
 * through its own logging (Spring Boot and most frameworks bridge java.util.logging) and none of its INFO lines
 * (a line per file and row group read, jOOQ's banner). Parquet logs under its own names ({@code org.apache.parquet.*});
 * the other relocated libraries under {@code dev.ferry.shaded.*}. A level set for those names in java.util.logging
 * (logging.properties or {@code Logger.setLevel}) before Ferry first logs is kept.
 *
 * <p>Only ferry.jar uses this class: its service file names the relocated SLF4J interface
 * ({@code META-INF/services/dev.ferry.shaded.slf4j.spi.SLF4JServiceProvider}), so the ferry-driver artifact on an
 * application's class path leaves the application's own SLF4J provider alone.
 */
public final class WarningsToJul implements SLF4JServiceProvider {
    /** Relocated Parquet's package prefix in ferry.jar (not itself a pattern the shade plugin rewrites). */
    private static final String RELOCATED_PARQUET = "dev.ferry.shaded.parquet.";
    /** org.apache.parquet., built at run time so that relocation does not rewrite it. */
    private static final String PARQUET = String.join(".", "org", "apache", "parquet", "");
    /** Held here: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final List<java.util.logging.Logger> DEFAULTS = new ArrayList<>();

    private ILoggerFactory loggers;
    private IMarkerFactory markers;
    private MDCAdapter mdc;

    /**
     * For the command line, which reports what matters in its own words: the libraries' messages are dropped, unless
     * java.util.logging's configuration names a level for them.
     */
    public static void silence() {
        defaultLevel(Level.OFF);
    }

    private static void defaultLevel(Level level) {
        synchronized (DEFAULTS) {
            if (DEFAULTS.isEmpty()) {
                for (String name : List.of(PARQUET.substring(0, PARQUET.length() - 1), "dev.ferry.shaded")) {
                    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
                    if (logger.getLevel() == null) {
                        logger.setLevel(level);
                    }
                    DEFAULTS.add(logger);
                }
            }
        }
    }

    @Override
    public void initialize() {
        defaultLevel(Level.WARNING);
        ConcurrentMap<String, Logger> made = new ConcurrentHashMap<>();
        loggers = name -> made.computeIfAbsent(name, n -> new JulLogger(julName(n)));
        markers = new BasicMarkerFactory();
        mdc = new NOPMDCAdapter();
    }

    /** A relocated Parquet class's logger under Parquet's own name, which is how users know it. */
    static String julName(String name) {
        return name.startsWith(RELOCATED_PARQUET) ? PARQUET + name.substring(RELOCATED_PARQUET.length()) : name;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    private static final class JulLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient java.util.logging.Logger jul;

        JulLogger(String name) {
            this.name = name;
            this.jul = java.util.logging.Logger.getLogger(name);
        }

        @Override
        public boolean isTraceEnabled() {
            return jul.isLoggable(Level.FINEST);
        }

        @Override
        public boolean isDebugEnabled() {
            return jul.isLoggable(Level.FINE);
        }

        @Override
        public boolean isInfoEnabled() {
            return jul.isLoggable(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return jul.isLoggable(Level.WARNING);
        }

        @Override
        public boolean isErrorEnabled() {
            return jul.isLoggable(Level.SEVERE);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, Marker marker, String message,
                                                   Object[] arguments, Throwable throwable) {
            Level julLevel = switch (level) {
                case ERROR -> Level.SEVERE;
                case WARN -> Level.WARNING;
                case INFO -> Level.INFO;
                case DEBUG -> Level.FINE;
                case TRACE -> Level.FINEST;
            };
            LogRecord record = new LogRecord(julLevel, MessageFormatter.basicArrayFormat(message, arguments));
            record.setLoggerName(name);
            record.setSourceClassName(name);
            record.setThrown(throwable);
            jul.log(record);
        }
    }
}
