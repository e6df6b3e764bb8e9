package io.gatos.sql.materialize.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatos.sql.materialize.parquet.ParquetKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Names the column types a declared file schema may use and converts text (CSV) or JSON values to
 * the values Calcite and {@link io.gatos.sql.materialize.parquet.ParquetSink} take: VARCHAR and JSON
 * as String, INTEGER as Integer, BIGINT as Long, DOUBLE as Double, BOOLEAN as Boolean, TIMESTAMP as
 * Long epoch milliseconds UTC, DATE as Integer days since 1970-01-01.
 */
public enum FileType {
    /** Text. */
    VARCHAR,
    /** JSON text; from a JSON source, any value (objects and arrays as their JSON text). */
    JSON,
    /** A 32-bit integer. */
    INTEGER,
    /** A 64-bit integer. */
    BIGINT,
    /** A double. */
    DOUBLE,
    /** {@code true} or {@code false} (any case), or 1 and 0. */
    BOOLEAN,
    /** An ISO-8601 instant ({@code 2025-10-28T00:15:23Z}); without an offset it is read as UTC. */
    TIMESTAMP,
    /** An ISO-8601 date ({@code 2025-10-28}). */
    DATE;

    /** Returns the type named {@code name} in any case, or null when there is none. */
    public static FileType named(String name) {
        for (FileType type : values()) {
            if (type.name().equalsIgnoreCase(name.strip())) {
                return type;
            }
        }
        return null;
    }

    /** Returns the Parquet kind that stores values of this type. */
    public ParquetKind parquetKind() {
        return switch (this) {
            case VARCHAR -> ParquetKind.STRING;
            case JSON -> ParquetKind.JSON;
            case INTEGER -> ParquetKind.INT32;
            case BIGINT -> ParquetKind.INT64;
            case DOUBLE -> ParquetKind.DOUBLE;
            case BOOLEAN -> ParquetKind.BOOLEAN;
            case TIMESTAMP -> ParquetKind.TIMESTAMP;
            case DATE -> ParquetKind.DATE;
        };
    }

    /** Returns the Calcite type of a column of this type (JSON is VARCHAR, as in the ledger tables). */
    public SqlTypeName sqlType() {
        return switch (this) {
            case VARCHAR, JSON -> SqlTypeName.VARCHAR;
            case INTEGER -> SqlTypeName.INTEGER;
            case BIGINT -> SqlTypeName.BIGINT;
            case DOUBLE -> SqlTypeName.DOUBLE;
            case BOOLEAN -> SqlTypeName.BOOLEAN;
            case TIMESTAMP -> SqlTypeName.TIMESTAMP;
            case DATE -> SqlTypeName.DATE;
        };
    }

    /**
     * Converts {@code text} to a value of this type.
     *
     * @throws IllegalArgumentException naming the expected form when the text does not fit
     */
    public Object parse(String text) {
        String s = this == VARCHAR || this == JSON ? text : text.strip();
        try {
            return switch (this) {
                case VARCHAR, JSON -> text;
                case INTEGER -> Integer.valueOf(s);
                case BIGINT -> Long.valueOf(s);
                case DOUBLE -> Double.valueOf(s);
                case BOOLEAN -> bool(s);
                case TIMESTAMP -> instant(s);
                case DATE -> (int) LocalDate.parse(s).toEpochDay();
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + expected());
        }
    }

    /** Converts a JSON value (not null) to a value of this type; throws IllegalArgumentException when it does not fit. */
    public Object fromJson(JsonNode node) {
        return switch (this) {
            case JSON -> node.isTextual() ? node.textValue() : node.toString();
            case VARCHAR -> node.isValueNode() ? node.asText() : mismatch(node);
            case INTEGER -> node.canConvertToInt() && node.isIntegralNumber() ? node.intValue() : textOr(node);
            case BIGINT -> node.canConvertToLong() && node.isIntegralNumber() ? node.longValue() : textOr(node);
            case DOUBLE -> node.isNumber() ? node.doubleValue() : textOr(node);
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : textOr(node);
            case TIMESTAMP -> node.isIntegralNumber() ? node.longValue() : textOr(node);
            case DATE -> textOr(node);
        };
    }

    private Object textOr(JsonNode node) {
        return node.isTextual() ? parse(node.textValue()) : mismatch(node);
    }

    private Object mismatch(JsonNode node) {
        throw new IllegalArgumentException(node + " is not " + expected());
    }

    private String expected() {
        return switch (this) {
            case VARCHAR, JSON -> "text";
            case INTEGER -> "a 32-bit integer";
            case BIGINT -> "a 64-bit integer";
            case DOUBLE -> "a number";
            case BOOLEAN -> "a boolean (true, false, 1 or 0)";
            case TIMESTAMP -> "an ISO-8601 timestamp such as 2025-10-28T00:15:23Z";
            case DATE -> "an ISO-8601 date such as 2025-10-28";
        };
    }

    private static Boolean bool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new NumberFormatException(s);
        };
    }

    private static Long instant(String s) {
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        if (iso.length() == 10) {
            return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
    }
}
