package io.gatos.sql.layout;

/** Names the plane a GATOS ref belongs to, from its prefix (LAYOUT §1-§8). */
public enum Plane {
    JOURNAL("refs/gatos/journal/"),
    SHIPLOG("refs/gatos/shiplog/", "refs/gatos/messages/"),
    CONSUMER("refs/gatos/consumers/"),
    STATE("refs/gatos/state/"),
    JOB("refs/gatos/jobs/"),
    PROPOSAL("refs/gatos/proposals/"),
    APPROVAL("refs/gatos/approvals/"),
    GRANT("refs/gatos/grants/"),
    REVOCATION("refs/gatos/revocations/"),
    POLICY("refs/gatos/policies/"),
    AUDIT("refs/gatos/audit/"),
    CACHE("refs/gatos/cache/"),
    /** A ref under refs/gatos/ with a prefix this version does not know. */
    OTHER();

    private final String[] prefixes;

    Plane(String... prefixes) {
        this.prefixes = prefixes;
    }

    /** Returns the plane of {@code ref}; {@link #OTHER} for unknown prefixes. */
    public static Plane of(String ref) {
        for (Plane plane : values()) {
            for (String prefix : plane.prefixes) {
                if (ref.startsWith(prefix)) {
                    return plane;
                }
            }
        }
        return OTHER;
    }

    /** Returns the name the catalog uses (lower case). */
    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
