package io.walletdesk.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string held U+0000. PostgreSQL cannot store it in text and no person types it, so it is refused at the
 * edge, naming the field (Jackson adds the path while the exception travels up through the object).
 */
final class InvalidCharactersException extends MismatchedInputException {

    InvalidCharactersException(JsonParser parser) {
        super(parser, "Text contains U+0000", String.class);
    }

    /** The JSON path of the string, e.g. {@code name} or {@code items[2].note}. */
    String field() {
        StringBuilder path = new StringBuilder();
        for (var reference : getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
