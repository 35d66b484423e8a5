package io.walletdesk.community.internal;

import io.walletdesk.identity.SignedInUser;

/** A signed-in person acting in the forum; staff answers are marked official. */
record Member(long userId, String displayName, boolean staff, String role) {

    static Member of(SignedInUser user) {
        return new Member(user.userId(), user.displayName(), user.isStaff(), user.role().name());
    }

    /**
     * The name shown on public posts: staff by their name, customers by first name and initial ("Budi S."), so a
     * customer's full name is not published.
     */
    String publicName() {
        String name = displayName == null ? "" : displayName.strip();
        if (staff || name.isEmpty()) {
            return name.isEmpty() ? "-" : name;
        }
        String[] parts = name.split("\\s+");
        String shown = parts.length == 1 ? parts[0] : parts[0] + " " + parts[parts.length - 1].charAt(0) + ".";
        return shown.length() > 120 ? shown.substring(0, 120) : shown;
    }
}
