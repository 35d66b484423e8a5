package io.walletdesk.identity;

/** LOCKED is temporary and can be lifted through verification; DISABLED is a closed or banned account. */
public enum AccountStatus {
    ACTIVE, LOCKED, DISABLED
}
