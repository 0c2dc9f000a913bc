package dev.ferry.core.operation.importing;

import java.sql.SQLException;
import java.util.List;

/**
 * The steps of an import's data phase, each made when its turn comes: what is wrong with a step (a COPY of load.sql
 * naming a file the manifest does not list, options Ferry does not read) is reported where it stands, after the
 * steps before it have run, as when load.sql is run statement by statement.
 */
@FunctionalInterface
interface LoadSteps {

    /** Hands each step to {@code action} in order, making it first. */
    void forEach(Action action) throws SQLException;

    /** Runs one step. */
    @FunctionalInterface
    interface Action {
        void run(LoadStep step) throws SQLException;
    }

    /** Steps made beforehand. */
    static LoadSteps of(List<LoadStep> steps) {
        List<LoadStep> copy = List.copyOf(steps);
        return action -> {
            for (LoadStep step : copy) {
                action.run(step);
            }
        };
    }
}
