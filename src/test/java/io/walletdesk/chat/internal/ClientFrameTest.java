package io.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Client frames are read as leniently as the widget and older apps need. */
class ClientFrameTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private ClientFrame read(String frame) {
        return ClientFrame.of(json.readTree(frame));
    }

    @Test
    void readsEveryKindWithDefaultsForMissingFields() {
        assertThat(read("{\"type\":\"hello\",\"token\":\"wdc_x\",\"conversationId\":12,\"lastSeq\":-3}"))
                .isEqualTo(new ClientFrame.Hello("wdc_x", 12L, "en", 0, null));
        assertThat(read("{\"type\":\"hello\",\"language\":\"id\",\"conversationId\":null}"))
                .isEqualTo(new ClientFrame.Hello(null, null, "id", 0, null));
        assertThat(read("{\"type\":\"hello\",\"email\":\"dewi@example.co.id\"}"))
                .isEqualTo(new ClientFrame.Hello(null, null, "en", 0, "dewi@example.co.id"));
        // An e-mail that is not one (or hides a NUL) is dropped, not refused: the chat still starts.
        assertThat(read("{\"type\":\"hello\",\"email\":\"not an address\"}")).isEqualTo(new ClientFrame.Hello(null, null, "en", 0, null));
        assertThat(read("{\"type\":\"hello\",\"email\":\"a\\u0000b@example.com\"}")).isEqualTo(new ClientFrame.Hello(null, null, "en", 0, null));
        assertThat(read("{\"type\":\"hello\",\"email\":\"" + "a".repeat(250) + "@example.com\"}"))
                .isEqualTo(new ClientFrame.Hello(null, null, "en", 0, null));
        assertThat(read("{\"type\":\"send\",\"clientMessageId\":\"c1\",\"body\":\"hi\",\"clientTime\":\"2026-12-06T10:00:00Z\"}"))
                .isEqualTo(new ClientFrame.Send("c1", "hi", Instant.parse("2026-12-06T10:00:00Z")));
        assertThat(read("{\"type\":\"send\",\"clientTime\":\"yesterday\"}")).isEqualTo(new ClientFrame.Send(null, "", null));
        assertThat(read("{\"type\":\"read\",\"seq\":9}")).isEqualTo(new ClientFrame.Read(9));
        assertThat(read("{\"type\":\"typing\"}")).isEqualTo(new ClientFrame.Typing());
        assertThat(read("{\"type\":\"ping\"}")).isEqualTo(new ClientFrame.Ping());
        assertThat(read("{\"type\":\"dance\"}")).isEqualTo(new ClientFrame.Unknown());
        assertThat(read("[1,2]")).isEqualTo(new ClientFrame.Unknown());
    }
}
