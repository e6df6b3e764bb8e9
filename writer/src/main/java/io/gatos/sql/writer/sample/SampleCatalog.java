package io.gatos.sql.writer.sample;

import static java.util.Objects.requireNonNull;

import io.gatos.sql.codec.Blake3;
import io.gatos.sql.codec.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Holds the sample namespaces, actors and event types of {@link SampleLedger} and builds realistic
 * event payloads (amounts, currencies, SKUs, nested objects, Unicode, an occasional 2^60+1, blob
 * pointers) from a seeded {@link Random}. Stateless; each payload costs one small StringBuilder.
 */
final class SampleCatalog {
    /** One namespace: its relative weight, its actors ({@code kind:name}) and event types. */
    record Namespace(String name, int weight, List<String> actors, List<String> types) {
        Namespace {
            requireNonNull(name, "name");
            actors = List.copyOf(actors);
            types = List.copyOf(types);
        }
    }

    static final List<Namespace> NAMESPACES = List.of(
            new Namespace("orders", 40, List.of("user:alice", "user:bob", "service:checkout"),
                    List.of("order.created", "order.paid", "order.shipped", "order.cancelled")),
            new Namespace("billing", 25, List.of("service:billing", "agent:reconciler"),
                    List.of("invoice.issued", "payment.captured", "refund.issued")),
            new Namespace("inventory", 25, List.of("service:warehouse", "user:carol", "agent:restock", "user:dave"),
                    List.of("stock.adjusted", "stock.reserved", "item.received")),
            new Namespace("identity", 10, List.of("service:idp", "user:admin"),
                    List.of("user.registered", "key.rotated", "role.granted")));

    private static final int TOTAL_WEIGHT = NAMESPACES.stream().mapToInt(Namespace::weight).sum();
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "JPY"};
    private static final String[] NAMES = {"Zoë Ångström", "東京 商店", "José Núñez", "Ada Lovelace", "Øyvind"};
    private static final String[] WAREHOUSES = {"ams-1", "fra-2", "sfo-1"};
    private static final String[] TIERS = {"bronze", "silver", "gold"};

    private SampleCatalog() {
    }

    /** Picks a namespace by weight. */
    static Namespace pick(Random rng) {
        int r = rng.nextInt(TOTAL_WEIGHT);
        for (Namespace ns : NAMESPACES) {
            r -= ns.weight();
            if (r < 0) {
                return ns;
            }
        }
        throw new AssertionError("weights");
    }

    /** Returns the journal segment of {@code actor}: its name after the colon. */
    static String segment(String actor) {
        return actor.substring(actor.indexOf(':') + 1);
    }

    /** Returns the payload JSON of event number {@code index} of type {@code type}. */
    static String payload(String type, long index, Random rng) {
        StringBuilder out = new StringBuilder(256).append('{');
        switch (type) {
            case "order.created" -> orderCreated(out, index, rng);
            case "order.paid", "payment.captured", "refund.issued", "invoice.issued" -> money(out, type, index, rng);
            case "order.shipped" -> text(text(out, "order_id", id("ord", index / 3)).append(",\"carrier\":\"ups\","),
                    "tracking", "1Z" + Long.toString(index * 7919L, 36).toUpperCase());
            case "order.cancelled" -> text(text(out, "order_id", id("ord", index / 3)).append(','),
                    "reason", "customer request");
            case "stock.adjusted", "stock.reserved" -> stock(out, index, rng);
            case "item.received" -> received(out, index, rng);
            case "user.registered" -> text(text(out, "user_id", id("usr", index)).append(','), "display_name",
                    NAMES[rng.nextInt(NAMES.length)]).append(",\"locale\":\"de-CH\"");
            case "key.rotated" -> text(out, "key_id", "ed25519:" + hex("key" + index).substring(0, 32))
                    .append(",\"alg\":\"ed25519\",\"previous\":null");
            default -> text(out, "role", rng.nextBoolean() ? "admin" : "auditor")
                    .append(",\"grantee\":\"user:").append(index % 97).append('"');
        }
        return out.append('}').toString();
    }

    private static void orderCreated(StringBuilder out, long index, Random rng) {
        text(out, "order_id", id("ord", index)).append(',');
        int lines = 1 + rng.nextInt(3);
        long total = 0;
        out.append("\"items\":[");
        for (int i = 0; i < lines; i++) {
            int qty = 1 + rng.nextInt(5);
            long cents = 199 + rng.nextInt(20_000);
            total += qty * cents;
            out.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(1000 + rng.nextInt(9000))
                    .append("\",\"qty\":").append(qty).append(",\"price\":").append(decimal(cents)).append('}');
        }
        out.append("],\"amount\":").append(decimal(total)).append(',');
        text(out, "currency", CURRENCIES[rng.nextInt(CURRENCIES.length)]).append(',');
        out.append("\"customer\":{\"id\":\"").append(id("cus", index % 5000)).append("\",\"tier\":\"")
                .append(TIERS[rng.nextInt(TIERS.length)]).append("\",\"name\":");
        CanonicalJson.quote(out, NAMES[rng.nextInt(NAMES.length)]).append('}');
    }

    private static void money(StringBuilder out, String type, long index, Random rng) {
        text(out, type.startsWith("invoice") ? "invoice_id" : "payment_id", id("pay", index)).append(',');
        text(out, "order_id", id("ord", index / 2)).append(',');
        out.append("\"amount\":").append(decimal(100 + rng.nextInt(500_000))).append(',');
        text(out, "currency", CURRENCIES[rng.nextInt(CURRENCIES.length)]);
        if (index % 50 == 7) {
            out.append(",\"ledger_seq\":1152921504606846977");
        }
        out.append(",\"method\":{\"type\":\"card\",\"last4\":\"").append(1000 + rng.nextInt(9000)).append("\"}");
    }

    private static void stock(StringBuilder out, long index, Random rng) {
        text(out, "sku", "SKU-" + (1000 + rng.nextInt(9000))).append(',');
        text(out, "warehouse", WAREHOUSES[rng.nextInt(WAREHOUSES.length)]).append(',');
        out.append("\"delta\":").append(rng.nextInt(41) - 20).append(",\"on_hand\":").append(rng.nextInt(1000))
                .append(",\"seq\":").append(index);
    }

    private static void received(StringBuilder out, long index, Random rng) {
        stock(out, index, rng);
        String hash = hex("photo" + index);
        out.append(",\"photo\":{\"algo\":\"blake3\",\"hash\":\"").append(hash)
                .append("\",\"kind\":\"blobptr\",\"size\":").append(20_000 + rng.nextInt(2_000_000)).append('}');
    }

    /** Appends {@code "name":"value"} to {@code out}. */
    static StringBuilder text(StringBuilder out, String name, String value) {
        CanonicalJson.quote(out, name).append(':');
        return CanonicalJson.quote(out, value);
    }

    private static String id(String prefix, long n) {
        String digits = Long.toString(n);
        return prefix + "-" + "00000000".substring(Math.min(8, digits.length())) + digits;
    }

    private static String decimal(long cents) {
        long frac = cents % 100;
        return (cents / 100) + "." + (frac < 10 ? "0" : "") + frac;
    }

    /** Returns the lowercase BLAKE3 hex of the UTF-8 bytes of {@code seed}. */
    static String hex(String seed) {
        return Blake3.hex(seed.getBytes(StandardCharsets.UTF_8));
    }
}
