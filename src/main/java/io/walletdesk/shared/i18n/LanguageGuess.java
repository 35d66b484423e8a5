package io.walletdesk.shared.i18n;

import java.util.Locale;
import java.util.Set;

/**
 * WhatsApp and e-mail tell nothing reliable of a visitor's language: a first guess from what they wrote (Chinese
 * characters, common Indonesian words, else English). Customers matched to an account get their account's
 * language instead.
 */
public final class LanguageGuess {

    private static final Set<String> INDONESIAN = Set.of("saya", "tidak", "gagal", "belum", "sudah", "bagaimana",
            "kenapa", "tolong", "uang", "apa", "bisa", "akun", "isi", "saldo", "dan", "yang", "ini", "itu", "mau",
            "terima", "kasih", "selamat", "halo", "mohon", "dengan", "ke", "di");

    private LanguageGuess() {
    }

    /** The tag of the guessed language ({@code zh-CN}, {@code id} or {@code en}); null for no text. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return SupportedLanguage.ZH_CN.tag();
        }
        long indonesian = 0;
        long words = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (!word.isEmpty()) {
                words++;
                indonesian += INDONESIAN.contains(word) ? 1 : 0;
            }
        }
        return words > 0 && indonesian * 5 >= words ? SupportedLanguage.ID.tag() : SupportedLanguage.EN.tag();
    }
}
