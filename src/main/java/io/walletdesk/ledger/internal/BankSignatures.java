package io.walletdesk.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 signatures of bank callbacks: {@code sha256=hex(HMAC(secret, timestamp + <q>.</q> + body))} in the
 * {@code X-Bank-Signature} header, with the Unix timestamp in {@code X-Bank-Timestamp}.
 */
@Component
class BankSignatures {

    public static final String SIGNATURE_HEADER = "X-Bank-Signature";
    public static final String TIMESTAMP_HEADER = "X-Bank-Timestamp";

    private final WalletProperties properties;

    BankSignatures(WalletProperties properties) {
        this.properties = properties;
    }

    public String sign(String bankCode, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((properties.bank().callbackSecret() + ":" + bankCode)
                    .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean valid(String bankCode, long timestamp, String body, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(bankCode, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
