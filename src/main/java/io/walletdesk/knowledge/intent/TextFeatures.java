package io.walletdesk.knowledge.intent;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a message into a sparse TF-IDF vector: word unigrams and bigrams plus character n-grams, each with
 * sublinear term frequency (1 + ln tf) and smoothed IDF, each block L2-normalised and weighted, the whole
 * vector L2-normalised. Character n-grams carry Chinese (no spaces) and spelling variants ("topup",
 * "top-up", "top up") in every language; every Han/kana character is also a word of its own.
 */
final class TextFeatures {

    /** Feature extraction settings; part of the stored model. */
    record Options(int charMin, int charMax, boolean wordBigrams, float wordWeight, float charWeight, int minDf) {
        static final Options DEFAULT = new Options(1, 4, true, 1f, 1f, 1);
    }

    private static final char WORD = '\u0001';
    private static final char CHAR = '\u0002';

    private final Options options;
    private final Map<String, Integer> vocabulary;
    private final String[] terms;
    private final float[] idf;

    private TextFeatures(Options options, String[] terms, float[] idf) {
        this.options = options;
        this.terms = terms;
        this.idf = idf;
        this.vocabulary = new HashMap<>(terms.length * 2);
        for (int i = 0; i < terms.length; i++) {
            vocabulary.put(terms[i], i);
        }
    }

    int dimension() {
        return terms.length;
    }

    Options options() {
        return options;
    }

    /** Builds the vocabulary (sorted, so the same texts always give the same feature ids) and IDF. */
    static TextFeatures fit(List<String> texts, Options options) {
        Map<String, int[]> df = new HashMap<>();
        for (String text : texts) {
            for (String term : termCounts(text, options).keySet()) {
                df.computeIfAbsent(term, t -> new int[1])[0]++;
            }
        }
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, int[]> e : df.entrySet()) {
            if (e.getValue()[0] >= options.minDf()) {
                kept.add(e.getKey());
            }
        }
        String[] terms = kept.toArray(String[]::new);
        Arrays.sort(terms);
        float[] idf = new float[terms.length];
        int n = texts.size();
        for (int i = 0; i < terms.length; i++) {
            idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df.get(terms[i])[0])) + 1.0);
        }
        return new TextFeatures(options, terms, idf);
    }

    /** The feature vector of a text; unknown n-grams are dropped, so an unknown text gives an empty vector. */
    SparseVector transform(String text) {
        Map<String, Integer> counts = termCounts(text, options);
        int[] index = new int[counts.size()];
        float[] value = new float[counts.size()];
        boolean[] isWord = new boolean[counts.size()];
        int n = 0;
        double wordNorm = 0;
        double charNorm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer id = vocabulary.get(e.getKey());
            if (id == null) {
                continue;
            }
            float v = (float) ((1.0 + Math.log(e.getValue())) * idf[id]);
            index[n] = id;
            value[n] = v;
            isWord[n] = e.getKey().charAt(0) == WORD;
            if (isWord[n]) {
                wordNorm += v * v;
            } else {
                charNorm += v * v;
            }
            n++;
        }
        double wordScale = wordNorm > 0 ? options.wordWeight() / Math.sqrt(wordNorm) : 0;
        double charScale = charNorm > 0 ? options.charWeight() / Math.sqrt(charNorm) : 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            value[i] *= (float) (isWord[i] ? wordScale : charScale);
            total += value[i] * value[i];
        }
        if (total > 0) {
            float scale = (float) (1 / Math.sqrt(total));
            for (int i = 0; i < n; i++) {
                value[i] *= scale;
            }
        }
        return SparseVector.sorted(Arrays.copyOf(index, n), Arrays.copyOf(value, n));
    }

    /** Lower case, NFKC (full-width forms, Chinese punctuation), digits folded, punctuation to spaces. */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length() + 2);
        out.append(' ');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) {
                out.append('0'); // amounts and dates vary; that a number is there is what matters
            } else if (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                out.appendCodePoint(cp);
            } else if (cp == '\'' || cp == '\u2019') {
                continue; // "didn't" and "didnt" are the same word
            } else if (out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        if (out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        return out.toString();
    }

    static boolean isIdeographic(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** Words: space-separated tokens, with every Han/kana character split off as a word of its own. */
    static List<String> words(String normalised) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ' || isIdeographic(cp)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                if (cp != ' ') {
                    words.add(new String(Character.toChars(cp)));
                }
            } else {
                word.appendCodePoint(cp);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static Map<String, Integer> termCounts(String text, Options options) {
        String s = normalise(text);
        Map<String, Integer> counts = new HashMap<>();
        List<String> words = words(s);
        for (int i = 0; i < words.size(); i++) {
            counts.merge(WORD + words.get(i), 1, Integer::sum);
            if (options.wordBigrams() && i + 1 < words.size()) {
                counts.merge(WORD + words.get(i) + ' ' + words.get(i + 1), 1, Integer::sum);
            }
        }
        if (s.length() > 2) { // not only the padding
            int[] cps = s.codePoints().toArray();
            StringBuilder gram = new StringBuilder(options.charMax() + 1);
            for (int start = 0; start < cps.length; start++) {
                gram.setLength(0);
                gram.append(CHAR);
                for (int len = 1; len <= options.charMax() && start + len <= cps.length; len++) {
                    gram.appendCodePoint(cps[start + len - 1]);
                    if (len >= options.charMin() && !(len == 1 && cps[start] == ' ')) {
                        counts.merge(gram.toString(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(options.charMin());
        out.writeInt(options.charMax());
        out.writeBoolean(options.wordBigrams());
        out.writeFloat(options.wordWeight());
        out.writeFloat(options.charWeight());
        out.writeInt(options.minDf());
        out.writeInt(terms.length);
        for (int i = 0; i < terms.length; i++) {
            out.writeUTF(terms[i]);
            out.writeFloat(idf[i]);
        }
    }

    static TextFeatures read(DataInput in) throws IOException {
        Options options = new Options(in.readInt(), in.readInt(), in.readBoolean(), in.readFloat(), in.readFloat(),
                in.readInt());
        int n = in.readInt();
        if (n < 0 || n > 50_000_000) {
            throw new IOException("corrupt model: " + n + " terms");
        }
        String[] terms = new String[n];
        float[] idf = new float[n];
        for (int i = 0; i < n; i++) {
            terms[i] = in.readUTF();
            idf[i] = in.readFloat();
        }
        return new TextFeatures(options, terms, idf);
    }
}
