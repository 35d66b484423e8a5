package io.walletdesk.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique phone numbers, e-mails and client addresses, so tests sharing one database never collide. */
public final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int RUN = ThreadLocalRandom.current().nextInt(100, 999);

    /** A strong password that contains none of the personal data the generators produce. */
    public static final String PASSWORD = "gajah-terbang-di-atas-awan-42";

    private TestData() {
    }

    /** A new Indonesian mobile number in local form, e.g. 0812-345-67890. */
    public static String phone() {
        return String.format("0813%03d%05d", RUN, SEQUENCE.incrementAndGet());
    }

    public static String email() {
        return "user" + RUN + "x" + SEQUENCE.incrementAndGet() + "@example.org";
    }

    /** A fresh client address to put in X-Forwarded-For, so per-address rate limits don't leak between tests. */
    public static String clientIp() {
        int n = SEQUENCE.incrementAndGet();
        return "10." + RUN % 250 + "." + (n / 250) % 250 + "." + (n % 250 + 1);
    }
}
