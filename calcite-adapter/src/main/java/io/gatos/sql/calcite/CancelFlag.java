package io.gatos.sql.calcite;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/** Reads a statement's cancel flag, so a long scan stops when the statement is cancelled. */
record CancelFlag(AtomicBoolean flag) {
    static CancelFlag of(DataContext root) {
        Object flag = root == null ? null : root.get(DataContext.Variable.CANCEL_FLAG.camelName);
        return new CancelFlag(flag instanceof AtomicBoolean b ? b : new AtomicBoolean());
    }

    boolean cancelled() {
        return flag.get();
    }
}
