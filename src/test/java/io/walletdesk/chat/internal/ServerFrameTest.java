package io.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The socket frames keep the field names the widget and the app read. */
class ServerFrameTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private String write(ServerFrame frame) {
        return json.writeValueAsString(frame);
    }

    @Test
    void everyFrameNamesItsTypeAndKeepsItsFields() {
        assertThat(write(new ServerFrame.Welcome(7, "C-1", "OPEN", 2, 5))).isEqualTo(
                "{\"type\":\"welcome\",\"conversationId\":7,\"reference\":\"C-1\",\"status\":\"OPEN\",\"agentsOnline\":2,"
                        + "\"readByOther\":5}");
        assertThat(write(new ServerFrame.Ack("c1", 3, false)))
                .isEqualTo("{\"type\":\"ack\",\"clientMessageId\":\"c1\",\"seq\":3,\"duplicate\":false}");
        assertThat(write(new ServerFrame.Queued("c1")))
                .isEqualTo("{\"type\":\"ack\",\"clientMessageId\":\"c1\",\"queued\":true}");
        assertThat(write(new ServerFrame.Typing("Ana"))).isEqualTo("{\"type\":\"typing\",\"from\":\"Ana\"}");
        assertThat(write(new ServerFrame.Read(4))).isEqualTo("{\"type\":\"read\",\"seq\":4}");
        assertThat(write(new ServerFrame.Pong())).isEqualTo("{\"type\":\"pong\"}");
        assertThat(write(new ServerFrame.Error("unknown-frame"))).isEqualTo("{\"type\":\"error\",\"code\":\"unknown-frame\"}");
        assertThat(write(new ServerFrame.Error("validation", "")))
                .isEqualTo("{\"type\":\"error\",\"code\":\"validation\",\"clientMessageId\":\"\"}");
        assertThat(write(new ServerFrame.Message(new ChatMessages(1, "c1", "customer", "Ana", "hi", false,
                Instant.parse("2026-12-06T10:00:00Z"))))).startsWith("{\"type\":\"message\",\"message\":{\"seq\":1,"
                        + "\"clientMessageId\":\"c1\",\"author\":\"customer\",\"authorName\":\"Ana\",\"body\":\"hi\","
                        + "\"internalNote\":false,\"createdAt\":");
    }
}
