package io.gatos.sql.writer;

import io.gatos.sql.layout.Plane;

/**
 * Names the two ref spellings of a shiplog topic (LAYOUT §2): {@code refs/gatos/shiplog/<topic>/head}
 * as ADR-0005 first wrote it, and {@code refs/gatos/messages/<topic>/head} as it was renamed later.
 */
public enum TopicSpelling {
    /** {@code refs/gatos/shiplog/<topic>/head}. */
    SHIPLOG(Plane.SHIPLOG.prefixes().get(0)),
    /** {@code refs/gatos/messages/<topic>/head}. */
    MESSAGES(Plane.SHIPLOG.prefixes().get(1));

    private final String prefix;

    TopicSpelling(String prefix) {
        this.prefix = prefix;
    }

    /** Returns the head ref of {@code topic} in this spelling. */
    public String refName(String topic) {
        return prefix + topic + "/head";
    }
}
