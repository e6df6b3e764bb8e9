package io.gatos.sql.layout;

import java.util.List;

/**
 * Names the files inside the commit trees of a GATOS ledger (LAYOUT §1-§6): the one place a tree
 * path is spelled, read by the reader and written by the writer.
 */
public final class TreePaths {
    /** The directory of the envelope in a journal or shiplog commit's tree. */
    public static final String ENVELOPE_DIR = "message";
    /** The envelope's file name inside {@link #ENVELOPE_DIR}. */
    public static final String ENVELOPE_FILE = "envelope.json";
    /** The event or message envelope of a journal or shiplog commit (LAYOUT §1, §2). */
    public static final String ENVELOPE = ENVELOPE_DIR + "/" + ENVELOPE_FILE;
    /** The checkpoint document of a consumer-checkpoint commit (LAYOUT §3). */
    public static final String CONSUMER_CHECKPOINT = "checkpoint.json";
    /** The job manifest, in the spellings a job commit may use, in order of preference (LAYOUT §6). */
    public static final List<String> JOB_MANIFESTS = List.of("job.json", "job.yaml", "job.yml");
    /** The claim document of a started job (LAYOUT §6). */
    public static final String JOB_STARTED = "started.json";
    /** The proof of execution of a finished job (LAYOUT §6). */
    public static final String JOB_POE = "poe.json";

    private TreePaths() {
    }
}
