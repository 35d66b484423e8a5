package io.walletdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written header rule gives Spring Security's verdict for every string, including hostile ones. */
class HeaderTextRuleTest {

    private static final Pattern SPRING_NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern SPRING_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private final HeaderTextRule names = new HeaderTextRule(false);
    private final HeaderTextRule values = new HeaderTextRule(true);

    @Test
    void agreesWithSpringOnChosenCases() {
        for (String text : List.of("", "Bearer abc.DEF-123", "application/json", "a\tb", "a\u0000b", "a\nb", "a\rb",
                "\u007F", "\u0085", "Jakarta \u4E2D\u6587", "caf\u00E9", "\uD83D\uDE00", "\uD800", "x\uDC00y",
                "\u0378", "\uFFFF", "\u200B", "\u00A0")) {
            assertThat(names.test(text)).as("name %s", escape(text)).isEqualTo(SPRING_NAMES.matcher(text).matches());
            assertThat(values.test(text)).as("value %s", escape(text)).isEqualTo(SPRING_VALUES.matcher(text).matches());
        }
    }

    @Test
    void agreesWithSpringOnRandomText() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(4);
                text.append((char) switch (kind) {
                    case 0 -> 0x20 + random.nextInt(0x5F);
                    case 1 -> random.nextInt(0x100);
                    case 2 -> random.nextInt(0x10000);
                    default -> 0xD800 + random.nextInt(0x800);
                });
            }
            String s = text.toString();
            assertThat(names.test(s)).as("name %s", escape(s)).isEqualTo(SPRING_NAMES.matcher(s).matches());
            assertThat(values.test(s)).as("value %s", escape(s)).isEqualTo(SPRING_VALUES.matcher(s).matches());
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("\\u%04X", c)));
        return out.toString();
    }
}
