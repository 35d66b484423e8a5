package io.walletdesk.community.internal;

/** Kinds of personal data masked in public posts; the author is told which were found. */
enum PersonalData {
    PHONE, EMAIL, CARD, BANK_ACCOUNT, SECRET_CODE;

    /** The message key naming the kind, e.g. {@code community.masked.PHONE}. */
    String messageKey() {
        return "community.masked." + name();
    }
}
