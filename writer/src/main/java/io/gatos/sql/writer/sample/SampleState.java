package io.gatos.sql.writer.sample;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.CanonicalJson;
import io.gatos.sql.writer.LedgerWriter;
import io.gatos.sql.writer.StateTrailers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Folds the sample events of one namespace into a running summary and writes it as a state
 * checkpoint (LAYOUT §4) whose JSON holds a pointer of every kind (LAYOUT §5), plus a nested JSON
 * file and a non-JSON file. Mutable, one per namespace; costs O(event types) per checkpoint.
 */
final class SampleState {
    private final String ns;
    private final Map<String, Long> byType = new TreeMap<>();
    private long events;
    private String lastUlid;
    private ObjectId ledgerHead;
    private int checkpoints;

    SampleState(String ns) {
        this.ns = ns;
    }

    /** Records one event of {@code type} written as {@code commit}. */
    void add(String type, String ulid, ObjectId commit) {
        byType.merge(type, 1L, Long::sum);
        events++;
        lastUlid = ulid;
        ledgerHead = commit;
    }

    boolean hasEvents() {
        return events > 0;
    }

    int checkpoints() {
        return checkpoints;
    }

    /** Writes one checkpoint of the fold so far; {@code fallbackHead} stands in when no event was seen. */
    void checkpoint(LedgerWriter writer, ObjectId policyRoot, ObjectId fallbackHead, Instant time) {
        checkpoints++;
        byte[] main = CanonicalJson.canonicalize(mainJson());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("state/" + ns + ".json", main);
        files.put("state/" + ns + "/types.json", CanonicalJson.canonicalize(typesJson()));
        files.put("meta/engine.txt", ("echo@0.3.0 fold of " + ns + ", checkpoint " + checkpoints + "\n")
                .getBytes(StandardCharsets.UTF_8));
        ObjectId head = ledgerHead != null ? ledgerHead : fallbackHead;
        StateTrailers trailers = StateTrailers.of(Blake3.prefixed(main), head.name(), policyRoot.name());
        if (ns.equals("orders") || ns.equals("billing")) {
            trailers = trailers.withMathAndRng("fixed-q32.32", "pcg32@1.0.0");
        }
        writer.stateCheckpoint(ns, files, trailers, time);
    }

    private String mainJson() {
        String seed = ns + "/" + checkpoints;
        String blobptr = "{\"kind\":\"blobptr\",\"algo\":\"blake3\",\"hash\":\"" + SampleCatalog.hex("media/" + seed)
                + "\",\"size\":" + (4096 + checkpoints) + "}";
        String meta = ns.equals("identity") ? "cipher_meta" : "encrypted_meta";
        String opaque = "{\"kind\":\"opaque\",\"algo\":\"xchacha20poly1305\",\"ciphertext_hash\":\"blake3:"
                + SampleCatalog.hex("vault/" + seed) + "\",\"" + meta + "\":{\"nonce\":\""
                + SampleCatalog.hex("nonce/" + seed).substring(0, 48) + "\",\"kdf\":\"hkdf-sha256\"},\"size\":512}";
        String remote = "{\"kind\":\"opaque_pointer\",\"algo\":\"blake3\",\"digest\":\"blake3:"
                + SampleCatalog.hex("archive/" + seed) + "\",\"size\":1048576,\"location\":\"s3://gatos-" + ns
                + "/snapshots/" + checkpoints + ".bin\",\"capability\":\"gatos-key://kms/" + ns + "-reader\"}";
        StringBuilder out = new StringBuilder(768).append("{\"ns\":\"").append(ns).append("\",\"events\":")
                .append(events).append(',');
        SampleCatalog.text(out, "last_ulid", lastUlid == null ? "" : lastUlid);
        return out.append(",\"checkpoint\":").append(checkpoints).append(",\"media\":[").append(blobptr)
                .append("],\"vault\":{\"secret\":").append(opaque).append("},\"archive\":{\"snapshot\":")
                .append(remote).append("}}").toString();
    }

    private String typesJson() {
        StringBuilder out = new StringBuilder("{\"by_type\":{");
        boolean first = true;
        for (Map.Entry<String, Long> e : byType.entrySet()) {
            out.append(first ? "" : ",").append('"').append(e.getKey()).append("\":").append(e.getValue());
            first = false;
        }
        return out.append("}}").toString();
    }
}
