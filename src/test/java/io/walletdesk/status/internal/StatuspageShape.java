package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares our documents with real Statuspage responses: every field of every object kind (identified by its
 * path, arrays as {@code []}) in the sample exists in every object of that kind in ours, with the same JSON
 * type when both are non-null. Extra fields in ours are allowed.
 */
final class StatuspageShape {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private StatuspageShape() {
    }

    static Path samples() {
        Path relative = Path.of("..", "shared", "data", "statuspage");
        return Files.isDirectory(relative) ? relative : Path.of("/work/shared/data/statuspage");
    }

    static JsonNode sample(String endpoint) throws IOException {
        return JSON.readTree(Files.readString(samples().resolve(endpoint.replace("/", "__") + ".json")));
    }

    /** path -> field -> JSON types seen (null excluded). */
    static Map<String, Map<String, Set<String>>> fields(JsonNode root) {
        Map<String, Map<String, Set<String>>> result = new LinkedHashMap<>();
        walk("$", root, result);
        return result;
    }

    /** path -> number of objects seen at that path. */
    static Map<String, Integer> objectCounts(JsonNode root) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        count("$", root, counts);
        return counts;
    }

    private static void count(String path, JsonNode node, Map<String, Integer> counts) {
        if (node.isObject()) {
            counts.merge(path, 1, Integer::sum);
            for (var entry : node.properties()) {
                count(path + "." + entry.getKey(), entry.getValue(), counts);
            }
        } else if (node.isArray()) {
            node.forEach(item -> count(path + "[]", item, counts));
        }
    }

    private static void walk(String path, JsonNode node, Map<String, Map<String, Set<String>>> result) {
        if (node.isObject()) {
            Map<String, Set<String>> fields = result.computeIfAbsent(path, p -> new LinkedHashMap<>());
            for (var entry : node.properties()) {
                Set<String> types = fields.computeIfAbsent(entry.getKey(), k -> new LinkedHashSet<>());
                if (!entry.getValue().isNull()) {
                    types.add(type(entry.getValue()));
                }
                walk(path + "." + entry.getKey(), entry.getValue(), result);
            }
        } else if (node.isArray()) {
            node.forEach(item -> walk(path + "[]", item, result));
        }
    }

    static String type(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return "null";
    }

    /** Asserts that {@code ours} has the shape of {@code sample}; returns the paths that were compared. */
    static Set<String> assertSameShape(String endpoint, JsonNode sample, JsonNode ours) {
        Map<String, Map<String, Set<String>>> expected = fields(sample);
        Map<String, Map<String, Set<String>>> actual = fields(ours);
        Map<String, Integer> counts = objectCounts(ours);
        Map<String, Map<String, Integer>> presence = new LinkedHashMap<>();
        presence(ours, "$", presence);
        for (var kind : expected.entrySet()) {
            String path = kind.getKey();
            assertThat(actual).as("%s: our document has objects at %s", endpoint, path).containsKey(path);
            for (var field : kind.getValue().entrySet()) {
                int present = presence.getOrDefault(path, Map.of()).getOrDefault(field.getKey(), 0);
                assertThat(present).as("%s: every object at %s has \"%s\"", endpoint, path, field.getKey())
                        .isEqualTo(counts.get(path));
                Set<String> ourTypes = actual.get(path).get(field.getKey());
                if (!field.getValue().isEmpty() && !ourTypes.isEmpty()) {
                    assertThat(ourTypes).as("%s: JSON type of %s.%s", endpoint, path, field.getKey())
                            .isEqualTo(field.getValue());
                }
            }
        }
        return expected.keySet();
    }

    private static void presence(JsonNode node, String path, Map<String, Map<String, Integer>> presence) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                presence.computeIfAbsent(path, p -> new LinkedHashMap<>()).merge(entry.getKey(), 1, Integer::sum);
                presence(entry.getValue(), path + "." + entry.getKey(), presence);
            }
        } else if (node.isArray()) {
            node.forEach(item -> presence(item, path + "[]", presence));
        }
    }
}
