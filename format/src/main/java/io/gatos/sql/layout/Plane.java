package io.gatos.sql.layout;

/** Names the plane a GATOS ref belongs to, from its prefix (LAYOUT §1-§8): the one place ref prefixes are spelled. */
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

    /** The prefix every GATOS ref has. */
    public static final String ROOT = "refs/gatos/";

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

    /** Returns the ref prefix this version writes for the plane (the first one); empty for {@link #OTHER}. */
    public String prefix() {
        return prefixes.length == 0 ? "" : prefixes[0];
    }

    /** Returns every ref prefix of the plane, the written one first (the shiplog has two spellings). */
    public java.util.List<String> prefixes() {
        return java.util.List.of(prefixes);
    }

    /** Returns whether {@code ref} lies under one of this plane's prefixes. */
    public boolean holds(String ref) {
        for (String prefix : prefixes) {
            if (ref.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the name the catalog uses (lower case). */
    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
