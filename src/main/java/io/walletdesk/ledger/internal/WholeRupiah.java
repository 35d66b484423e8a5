package io.walletdesk.ledger.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * An amount in the wallet API: a JSON integer of whole rupiah (IDR is kept without a minor unit). Jackson would
 * otherwise coerce {@code "10000"}, {@code 1e4} and {@code 10000.5} (truncated!) into a long; a client sending
 * those has a bug we should show it, not guess around.
 */
final class WholeRupiah extends ValueDeserializer<Long> {

    static final String MESSAGE = "amount must be a JSON integer of whole rupiah";

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && (parser.getNumberType() == JsonParser.NumberType.INT || parser.getNumberType() == JsonParser.NumberType.LONG)) {
            return parser.getLongValue();
        }
        throw MismatchedInputException.from(parser, Long.class, MESSAGE);
    }
}
