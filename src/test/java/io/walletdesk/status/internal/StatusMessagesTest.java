package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every status text exists in English, Chinese and Indonesian, and every enum value has its label. */
class StatusMessagesTest {

    static Properties bundle(String suffix) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = StatusMessagesTest.class.getResourceAsStream("/i18n/status" + suffix + ".properties")) {
            assertThat(in).as("bundle " + suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void allThreeLanguagesHaveTheSameKeysAndNoEmptyTexts() throws Exception {
        Properties en = bundle("");
        for (String language : new String[] {"_zh_CN", "_id"}) {
            Properties other = bundle(language);
            assertThat(new TreeSet<>(other.stringPropertyNames())).as(language)
                    .isEqualTo(new TreeSet<>(en.stringPropertyNames()));
            other.stringPropertyNames().forEach(key -> assertThat(other.getProperty(key)).as(key).isNotBlank());
        }
        assertThat(bundle("_zh_CN").getProperty("status.heading")).isEqualTo("服务状态");
    }

    @Test
    void everyStatusImpactAndProblemHasItsTexts() throws Exception {
        Set<String> keys = bundle("").stringPropertyNames();
        Arrays.stream(ComponentStatus.values()).forEach(s -> assertThat(keys).contains("status.component." + s.api()));
        Arrays.stream(IncidentStatus.values()).forEach(s -> assertThat(keys).contains("status.incidentStatus." + s.api()));
        Arrays.stream(Impact.values()).forEach(i -> assertThat(keys).contains("status.impact." + i.api(),
                "status.indicator." + (i == Impact.MAINTENANCE ? "maintenance" : i.api())));
        for (String problem : new String[] {"status-not-found", "status-invalid-status", "status-unknown-component",
                "status-text-required", "status-maintenance-window", "status-email-invalid",
                "status-too-many-subscriptions"}) {
            assertThat(keys).contains("problem." + problem + ".title", "problem." + problem + ".detail");
        }
    }
}
