package io.walletdesk.support;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
