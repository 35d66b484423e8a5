package io.walletdesk.channels.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The checks every webhook request passes before its body is parsed (X3). Constant-time comparisons only. */
final class WebhookSecrets {

    private static final String PREFIX = "sha256=";

    private WebhookSecrets() {
    }

    /** Meta's {@code X-Hub-Signature-256}: "sha256=" and the hex HMAC-SHA256 of the raw body under the app secret. */
    static boolean validSignature(String header, byte[] body, String appSecret) {
        if (header == null || !header.startsWith(PREFIX) || body == null) {
            return false;
        }
        byte[] given = header.substring(PREFIX.length()).trim().toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII);
        byte[] expected = hmacHex(appSecret, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A shared token (Telegram's secret token, Meta's verify token), compared in constant time. */
    static boolean sameToken(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
