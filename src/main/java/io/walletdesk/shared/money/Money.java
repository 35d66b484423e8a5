package io.walletdesk.shared.money;

import java.util.regex.Pattern;

/**
 * An amount of Indonesian rupiah. IDR has no minor unit in practice, so the amount is a whole number of
 * rupiah; formatting follows Indonesian convention in every language (<q>Rp20.000</q>, <q>-Rp1.500</q>).
 */
public record Money(long rupiah) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);
    private static final Pattern DECIMALS = Pattern.compile(".*[.,]\\d{1,2}$");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,15}");

    public static Money of(long rupiah) {
        return new Money(rupiah);
    }

    /**
     * Reads what a person types: <q>20000</q>, <q>20.000</q>, <q>Rp20.000</q>, <q>Rp 20,000</q>. Anything with cents
     * (<q>20.000,50</q>) or that is not a number is refused, because IDR is not split into cents.
     *
     * @throws IllegalArgumentException when the text is not a whole rupiah amount
     */
    public static Money parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("No amount");
        }
        String cleaned = text.trim();
        if (cleaned.regionMatches(true, 0, "Rp", 0, 2)) {
            cleaned = cleaned.substring(2).trim();
        } else if (cleaned.regionMatches(true, 0, "IDR", 0, 3)) {
            cleaned = cleaned.substring(3).trim();
        }
        if (DECIMALS.matcher(cleaned).matches()) {
            throw new IllegalArgumentException("Rupiah amounts have no cents: " + text);
        }
        cleaned = cleaned.replace(".", "").replace(",", "").replace(" ", "");
        if (!DIGITS.matcher(cleaned).matches()) {
            throw new IllegalArgumentException("Not an amount: " + text);
        }
        return new Money(Long.parseLong(cleaned));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(rupiah, other.rupiah));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(rupiah, other.rupiah));
    }

    public Money negate() {
        return new Money(Math.negateExact(rupiah));
    }

    public boolean isPositive() {
        return rupiah > 0;
    }

    public boolean isNegative() {
        return rupiah < 0;
    }

    public boolean greaterThan(Money other) {
        return rupiah > other.rupiah;
    }

    /** <q>Rp20.000</q>; negative amounts as <q>-Rp20.000</q>. */
    public String formatted() {
        return format(rupiah);
    }

    public static String format(long rupiah) {
        String digits = Long.toString(Math.abs(rupiah));
        StringBuilder grouped = new StringBuilder();
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        grouped.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            grouped.append('.').append(digits, i, i + 3);
        }
        return (rupiah < 0 ? "-Rp" : "Rp") + grouped;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(rupiah, other.rupiah);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
