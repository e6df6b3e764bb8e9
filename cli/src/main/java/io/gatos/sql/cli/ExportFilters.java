package io.gatos.sql.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the {@code --columns} and {@code --where} values of {@code gatos export} into per-table filters. */
final class ExportFilters {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportFilters() {
    }

    /** Parses every {@code --columns TABLE:C1,C2}; a table given twice gets the columns of both. */
    static Map<String, List<String>> columns(List<String> columns) throws UserException {
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (String value : columns) {
            int colon = value.indexOf(':');
            List<String> names =
                    colon < 0
                            ? List.of()
                            : Arrays.stream(value.substring(colon + 1).split(","))
                                    .map(String::strip)
                                    .filter(name -> !name.isEmpty())
                                    .toList();
            if (colon < 1 || names.isEmpty()) {
                throw new UserException(
                        "--columns expects TABLE:C1,C2 (e.g. events:ns,kind), not '"
                                + value
                                + "'");
            }
            parsed.computeIfAbsent(value.substring(0, colon).strip(), t -> new ArrayList<>())
                    .addAll(names);
        }
        return parsed;
    }

    /** Parses every {@code --where TABLE=JSON} with Jackson; a table may be given only once. */
    static Map<String, JsonNode> where(List<String> where) throws UserException {
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        for (String value : where) {
            int equals = value.indexOf('=');
            if (equals < 1) {
                throw new UserException(
                        "--where expects TABLE=JSON (e.g. events={\"ns\":\"orders\"}), not '"
                                + value
                                + "'");
            }
            String table = value.substring(0, equals).strip();
            JsonNode json;
            try {
                json = JSON.readTree(value.substring(equals + 1));
            } catch (JsonProcessingException e) {
                throw new UserException(
                        "--where "
                                + table
                                + ": invalid JSON: "
                                + e.getOriginalMessage()
                                + " in '"
                                + value.substring(equals + 1)
                                + "'");
            }
            if (parsed.put(table, json) != null) {
                throw new UserException(
                        "--where names table '"
                                + table
                                + "' twice; put all its columns in one JSON object");
            }
        }
        return parsed;
    }
}
