package io.walletdesk.ledger.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Banks confirm top-ups here: no user session, an HMAC signature over timestamp and body instead. */
@RestController
@Tag(name = "Bank callbacks")
class BankCallbackController {

    private final BankCallbacks callbacks;

    BankCallbackController(BankCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping(value = "/api/v1/public/bank-callbacks/{bankCode}", consumes = "application/json")
    @Operation(summary = "A bank confirms or fails a top-up (signed: X-Bank-Timestamp, X-Bank-Signature)")
    Map<String, String> callback(@PathVariable String bankCode,
            @RequestHeader(name = BankSignatures.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = BankSignatures.SIGNATURE_HEADER, required = false) String signature,
            @RequestBody String body) {
        TopUps.Settlement settlement = callbacks.receive(bankCode, timestamp, signature, body);
        return Map.of("result", settlement.name());
    }
}
