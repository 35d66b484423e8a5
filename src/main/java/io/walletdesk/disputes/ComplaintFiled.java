package io.walletdesk.disputes;

/** A customer filed a formal complaint. */
public record ComplaintFiled(long complaintId, String reference) {
}
