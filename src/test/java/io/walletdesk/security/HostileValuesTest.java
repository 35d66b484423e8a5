package io.walletdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

/**
 * The generators of the hostile-input test keep their promise: every value serialises to JSON that parses back
 * (so the server, not our client, is what gets tested). Runs on jqwik's engine next to Jupiter.
 */
class HostileValuesTest {

    @Provide
    Arbitrary<Object> values() {
        return HostileValues.anyValue();
    }

    @Property(tries = 200)
    void everyGeneratedValueIsSendableJson(@ForAll("values") Object value) {
        byte[] json = Actors.JSON.writeValueAsBytes(java.util.Collections.singletonMap("field", value));
        assertThat(Actors.JSON.readTree(json).has("field")).isTrue();
    }

    @Property(tries = 100)
    void parametersAreEncodable(@ForAll("parameters") String value) {
        assertThat(Actors.enc(value)).doesNotContain(" ");
    }

    @Provide
    Arbitrary<String> parameters() {
        return HostileValues.anyParameter();
    }
}
