package io.walletdesk.identity;

/** What a user is. Staff roles form a hierarchy: ADMIN > SUPERVISOR > AGENT. */
public enum Role {
    CUSTOMER, AGENT, SUPERVISOR, ADMIN;

    public boolean isStaff() {
        return this != CUSTOMER;
    }
}
