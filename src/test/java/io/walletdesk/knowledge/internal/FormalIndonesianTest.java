package io.walletdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One register per language (issue 17, B1): every Indonesian text the customer reads - the message bundles the
 * assistant and the pages use, and the shipped help articles - addresses the customer as "Anda" and speaks of
 * itself as "saya" or "kami", never aku/kamu/-mu/-ku or slang pronouns. Article tags are exempt: they are search
 * words in the customers' own informal language.
 */
class FormalIndonesianTest {

    /** Informal pronouns as whole words. */
    private static final Pattern PRONOUN = Pattern.compile(
            "(?iu)(?<![\\p{L}\\p{N}])(aku|kamu|kau|engkau|dikau|gue|gua|gw|lo|lu|elo|loe|kalian)(?![\\p{L}\\p{N}])");
    /** Possessive or object suffixes: rekeningmu, HP-mu, sisiku. */
    private static final Pattern SUFFIX = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])([\\p{L}\\p{N}]+-?(?:mu|ku))(?![\\p{L}\\p{N}])");
    /** Words that merely end in -mu or -ku. */
    private static final Set<String> NOT_PRONOUNS = Set.of("ilmu", "jamu", "tamu", "temu", "bertemu", "ketemu", "semu",
            "penemu", "mengaku", "diaku", "berlaku", "laku", "buku", "saku", "suku", "paku", "kuku", "haiku", "sudoku",
            "seminggu", "minggu", "kemu");

    static List<String> informal(String text) {
        List<String> found = new ArrayList<>();
        Matcher pronoun = PRONOUN.matcher(text);
        while (pronoun.find()) {
            found.add(pronoun.group(1));
        }
        Matcher suffix = SUFFIX.matcher(text);
        while (suffix.find()) {
            String word = suffix.group(1).toLowerCase(Locale.ROOT);
            if (!NOT_PRONOUNS.contains(word) && !PRONOUN.matcher(word).matches() && word.length() > 3) {
                found.add(suffix.group(1));
            }
        }
        return found;
    }

    @Test
    void theDetectorKnowsInformalFromFormal() {
        assertThat(informal("Kamu bisa cek saldomu di HP-mu, aku bantu.")).containsExactly("Kamu", "aku", "saldomu", "HP-mu");
        assertThat(informal("Anda bisa bertemu petugas; aturan ini berlaku untuk buku tabungan Anda. Saya membantu."))
                .isEmpty();
    }

    @Test
    void everyIndonesianBundleUsesAnda() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_id.properties");
        assertThat(bundles).hasSizeGreaterThan(5);
        List<String> problems = new ArrayList<>();
        for (Resource bundle : bundles) {
            Properties texts = new Properties();
            try (InputStream in = bundle.getInputStream()) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : texts.stringPropertyNames()) {
                List<String> words = informal(texts.getProperty(key));
                if (!words.isEmpty()) {
                    problems.add(bundle.getFilename() + " " + key + ": " + words);
                }
            }
        }
        assertThat(problems).as("informal Indonesian (use Anda/saya)").isEmpty();
    }

    @Test
    void everyIndonesianArticleUsesAnda() throws IOException {
        Resource[] articles = new PathMatchingResourcePatternResolver().getResources("classpath*:knowledge/articles/id/*.md");
        assertThat(articles).hasSizeGreaterThan(30);
        List<String> problems = new ArrayList<>();
        for (Resource article : articles) {
            String text;
            try (InputStream in = article.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int line = 0;
            for (String row : text.split("\n")) {
                line++;
                if (row.startsWith("tags:")) {
                    continue;
                }
                List<String> words = informal(row);
                if (!words.isEmpty()) {
                    problems.add(article.getFilename() + ":" + line + " " + words);
                }
            }
        }
        assertThat(problems).as("informal Indonesian (use Anda/saya)").isEmpty();
    }
}
