package io.walletdesk.security;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Hostile values for one JSON property, by the property's declared type: the wrong type, NUL characters,
 * oversize strings and boundary numbers, fixed ones first and then random ones drawn by jqwik.
 */
final class HostileValues {

    static final String NUL = "a\u0000b";
    static final int OVERSIZE = 100_000;

    private HostileValues() {
    }

    /** Malformed bodies sent as application/json. */
    static final List<String> MALFORMED_JSON = List.of("{", "{\"a\":", "[1,2", "nul", "\u0000", "{\"x\": NaN}", "",
            "null", "[]", "123", "\"text\"", "{\"a\":1}}", "{'single':'quotes'}", "\uFEFF{}");

    /** Values of a type other than the declared one. */
    static List<Object> wrongTypes(String type) {
        return switch (type) {
            case "integer", "number" -> List.of("10000", "abc", 1.5, 1e4, true, List.of(1));
            case "boolean" -> List.of("yes", 2, List.of(), java.util.Map.of());
            case "array" -> List.of("x", 1, java.util.Map.of());
            case "object" -> List.of("x", 1, List.of());
            default -> List.of(123, true, List.of("x"), java.util.Map.of("a", "b"));
        };
    }

    /** Numbers at and past the edges of int, long and double. */
    static final List<Object> BOUNDARY_NUMBERS = List.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE,
            (long) Integer.MAX_VALUE + 1, Long.MAX_VALUE, Long.MIN_VALUE, new BigInteger("9223372036854775808"),
            new BigInteger("-99999999999999999999999999"), 1e308, -0.0);

    /** Strings that are too long, contain NUL or other control characters, or are not valid UTF-16. */
    static List<String> hostileStrings() {
        return List.of(NUL, "x".repeat(OVERSIZE), "\uD800", "\u202E\u0007\u001B[2J", "   ", "' OR 1=1 --",
                "ﾟ".repeat(2000));
    }

    /** Random values of any JSON type, drawn by jqwik: the part a human would not think of. */
    static Arbitrary<Object> anyValue() {
        Arbitrary<Object> strings = Arbitraries.strings().all().ofMaxLength(300).map(s -> (Object) s);
        Arbitrary<Object> longStrings = Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMinLength(5_000)
                .ofMaxLength(70_000).map(s -> (Object) s);
        Arbitrary<Object> longs = Arbitraries.longs().map(l -> (Object) l);
        Arbitrary<Object> bigs = Arbitraries.bigIntegers().between(new BigInteger("-1" + "0".repeat(40)),
                new BigInteger("1" + "0".repeat(40))).map(b -> (Object) b);
        Arbitrary<Object> doubles = Arbitraries.doubles().map(d -> (Object) d);
        Arbitrary<Object> booleans = Arbitraries.of(true, false).map(b -> (Object) b);
        Arbitrary<Object> nulls = Arbitraries.just(null);
        Arbitrary<Object> lists = Arbitraries.strings().ofMaxLength(20).list().ofMaxSize(5).map(l -> (Object) l);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, strings), net.jqwik.api.Tuple.of(1, longStrings),
                net.jqwik.api.Tuple.of(3, longs), net.jqwik.api.Tuple.of(2, bigs), net.jqwik.api.Tuple.of(2, doubles),
                net.jqwik.api.Tuple.of(1, booleans), net.jqwik.api.Tuple.of(1, nulls), net.jqwik.api.Tuple.of(1, lists));
    }

    /** Random query or path parameter text: any characters, any length up to a few thousand. */
    static Arbitrary<String> anyParameter() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(19).ofMaxLength(40),
                Arbitraries.strings().ascii().ofMinLength(500).ofMaxLength(1500));
    }
}
