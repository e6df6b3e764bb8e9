package io.gatos.sql.materialize.ndjson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Builds the NDJSON lines of a source stream from its real commits, as the export would. */
final class SourceLines {
    private SourceLines() {
    }

    /** Returns the lines of every commit of {@code ref} in {@code repo}, oldest first, with their positions. */
    static List<String> of(Repository repo, String ref) {
        try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            List<RevCommit> chain = new ArrayList<>();
            ObjectId tip = repo.resolve(ref);
            RevCommit c = walk.parseCommit(tip);
            while (true) {
                chain.add(c);
                if (c.getParentCount() == 0) {
                    break;
                }
                c = walk.parseCommit(c.getParent(0));
            }
            Collections.reverse(chain);
            List<String> lines = new ArrayList<>();
            for (int pos = 0; pos < chain.size(); pos++) {
                lines.add(line(reader, ref, pos, chain.get(pos)).toJson());
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventLine line(ObjectReader reader, String ref, int pos, RevCommit c) throws IOException {
        byte[] envelope;
        try (TreeWalk tw = TreeWalk.forPath(reader, "message/envelope.json", c.getTree())) {
            envelope = reader.open(tw.getObjectId(0)).getBytes();
        }
        com.fasterxml.jackson.databind.JsonNode env = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(envelope);
        String raw = new String(c.getRawBuffer(), StandardCharsets.UTF_8);
        String stream = ref.startsWith("refs/gatos/journal/") ? ref.substring("refs/gatos/journal/".length())
                : "shiplog/" + ref.split("/")[3];
        String type = env.has("type") ? env.get("type").asText() : env.path("event_type").asText(null);
        EventLine.Meta meta = new EventLine.Meta(ref, env.path("actor").asText(null), null,
                env.path("policy_root").asText(null), null, null, envelope, header(raw, "author"),
                header(raw, "committer"), c.getFullMessage());
        return new EventLine(env.get("ulid").asText(), stream, type, pos, c.name(), env.get("payload").toString(), meta,
                Instant.ofEpochSecond(c.getCommitTime()).toString());
    }

    private static String header(String raw, String name) {
        for (String l : raw.split("\n")) {
            if (l.isEmpty()) {
                break;
            }
            if (l.startsWith(name + " ")) {
                return l.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("no " + name);
    }
}
