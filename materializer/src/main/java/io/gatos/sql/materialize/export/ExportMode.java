package io.gatos.sql.materialize.export;

/** Names what one export run did to its output: rebuilt it, added to it, or left it as it was. */
public enum ExportMode {
    /** The output was written from scratch (first run, {@code --full}, rewritten refs, another extractor). */
    FULL("full"),
    /** The run added the rows of the commits since the last run. */
    INCREMENTAL("incremental"),
    /** Nothing was new: nothing was written. */
    UP_TO_DATE("up-to-date");

    private final String id;

    ExportMode(String id) {
        this.id = id;
    }

    /** Returns the name the manifest, {@code export_info} and the summary line use. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
