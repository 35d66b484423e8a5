package io.walletdesk.knowledge.intent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Command line evaluation of the intent classifier ({@code java -jar walletdesk.jar intent-eval ...}). Trains a
 * fresh model of exactly the kind the product uses, or takes the shipped model, and prints per-intent precision
 * and recall and, as the last line, {@code accuracy=0.NNNN}.
 *
 * <pre>
 * intent-eval --train A.csv --test B.csv     train on A, test on B
 * intent-eval --test B.csv                   the shipped model (trained from the phrase files), tested on B
 * intent-eval --train A.csv --folds 5        stratified 5-fold cross-validation on A
 * intent-eval --train A.csv --holdout 0.5    train on a fixed stratified half of A, test on the other half
 * intent-eval --holdout 0.2                  the same on the shipped phrase files (per file, i.e. per language)
 * intent-eval --scope DATA_DIR               out-of-scope rejection and in-scope accuracy on held-out data ({@link ScopeEval})
 * --train may be repeated; --phrases DIR reads the shipped phrase files from DIR instead of the class path.
 * </pre>
 */
public final class IntentEval {

    private static final String USAGE = """
            usage: intent-eval [--train FILE.csv]... (--test FILE.csv | --folds K | --holdout FRACTION | --scope DATA_DIR) [--phrases DIR]
              --train FILE.csv     training examples (header text,category); repeatable; default: the shipped phrases
              --test FILE.csv      test examples (header text,category)
              --folds K            stratified K-fold cross-validation on the training examples (2..20)
              --holdout FRACTION   hold out this share (0..1) of every training file, stratified, and test on it
              --scope DATA_DIR     train on 80% of the phrases; in-scope accuracy on the rest and on BANKING77 rows of our
                                   intents, out-of-scope rejection on held-out halves of CLINC150 oos and xSID
              --phrases DIR        read the shipped phrase files (en.csv, id.csv, zh-CN.csv) from DIR""";

    private IntentEval() {
    }

    /** Runs the evaluation; returns the process exit code (0 success, 2 bad arguments or input). */
    public static int run(String[] args, PrintStream out) {
        List<Path> train = new ArrayList<>();
        Path test = null;
        Path phrases = null;
        Path scope = null;
        Integer folds = null;
        Double holdout = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    return fail(out, "missing value after " + option);
                }
                String value = args[++i];
                switch (option) {
                    case "--train" -> train.add(Path.of(value));
                    case "--test" -> test = Path.of(value);
                    case "--phrases" -> phrases = Path.of(value);
                    case "--scope" -> scope = Path.of(value);
                    case "--folds" -> folds = Integer.valueOf(value);
                    case "--holdout" -> holdout = Double.valueOf(value);
                    default -> {
                        return fail(out, "unknown option " + option);
                    }
                }
            }
        } catch (NumberFormatException e) {
            return fail(out, "not a number: " + e.getMessage());
        }
        int modes = (test != null ? 1 : 0) + (folds != null ? 1 : 0) + (holdout != null ? 1 : 0) + (scope != null ? 1 : 0);
        if (modes != 1) {
            return fail(out, "give exactly one of --test, --folds, --holdout and --scope");
        }
        if (folds != null && (folds < 2 || folds > 20)) {
            return fail(out, "--folds must be between 2 and 20");
        }
        if (holdout != null && !(holdout > 0 && holdout < 1)) {
            return fail(out, "--holdout must be between 0 and 1 (exclusive)");
        }
        try {
            List<LabeledText> testSet = test == null ? null : LabeledTextCsv.read(test); // a wrong path fails first
            Map<String, List<LabeledText>> trainFiles = new LinkedHashMap<>();
            for (Path file : train) {
                trainFiles.put(file.getFileName().toString(), LabeledTextCsv.read(file));
            }
            if (trainFiles.isEmpty()) {
                trainFiles = phrases != null ? ShippedPhrases.byFileFromDirectory(phrases)
                        : ShippedPhrases.byFileFromClassPath();
            }
            if (scope != null) {
                ScopeEval.run(scope, trainFiles, out);
            } else if (test != null) {
                long start = System.nanoTime();
                IntentModel model = IntentModel.train(concat(trainFiles.values()));
                out.printf(Locale.ROOT, "# trained on %d examples (%d intents) in %.1f s; testing on %d examples of %s%n",
                        concat(trainFiles.values()).size(), model.intents().size(), seconds(start), testSet.size(),
                        test);
                Results results = new Results();
                results.add(test.getFileName().toString(), model, testSet);
                results.print(out);
            } else if (folds != null) {
                crossValidate(concat(trainFiles.values()), folds, out);
            } else {
                holdOut(trainFiles, holdout, out);
            }
            return 0;
        } catch (NoSuchFileException e) {
            return fail(out, "no such file: " + e.getFile());
        } catch (IOException | RuntimeException e) {
            return fail(out, e.getMessage());
        }
    }

    private static void crossValidate(List<LabeledText> examples, int k, PrintStream out) {
        int[] fold = Folds.stratified(examples, k);
        Results results = new Results();
        long start = System.nanoTime();
        for (int f = 0; f < k; f++) {
            IntentModel model = IntentModel.train(Folds.select(examples, fold, f, false));
            results.add("fold " + (f + 1), model, Folds.select(examples, fold, f, true));
        }
        out.printf(Locale.ROOT, "# %d-fold stratified cross-validation on %d examples, %.1f s%n", k, examples.size(),
                seconds(start));
        results.print(out);
    }

    private static void holdOut(Map<String, List<LabeledText>> files, double share, PrintStream out) {
        List<LabeledText> trainPart = new ArrayList<>();
        Map<String, List<LabeledText>> testParts = new LinkedHashMap<>();
        for (Map.Entry<String, List<LabeledText>> file : files.entrySet()) {
            List<List<LabeledText>> split = Folds.split(file.getValue(), share);
            trainPart.addAll(split.get(0));
            testParts.put(file.getKey(), split.get(1));
        }
        long start = System.nanoTime();
        IntentModel model = IntentModel.train(trainPart);
        out.printf(Locale.ROOT, "# trained on %d examples (%d intents) in %.1f s; %.0f%% of every file held out%n",
                trainPart.size(), model.intents().size(), seconds(start), share * 100);
        Results results = new Results();
        testParts.forEach((name, part) -> results.add(name, model, part));
        results.print(out);
    }

    private static List<LabeledText> concat(Iterable<List<LabeledText>> parts) {
        List<LabeledText> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return all;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static int fail(PrintStream out, String message) {
        out.println("intent-eval: " + message);
        out.println(USAGE);
        return 2;
    }

    /** Counts per intent and per test part (file or fold). */
    private static final class Results {
        private final Map<String, int[]> perIntent = new TreeMap<>(); // gold count, predicted count, correct
        private final Map<String, int[]> perPart = new LinkedHashMap<>(); // total, correct
        private int total;
        private int correct;

        void add(String part, IntentModel model, List<LabeledText> examples) {
            int[] partCounts = perPart.computeIfAbsent(part, p -> new int[2]);
            for (LabeledText example : examples) {
                String predicted = model.predict(example.text()).intent();
                boolean right = predicted.equals(example.label());
                perIntent.computeIfAbsent(example.label(), l -> new int[3])[0]++;
                perIntent.computeIfAbsent(predicted, l -> new int[3])[1]++;
                if (right) {
                    perIntent.get(predicted)[2]++;
                }
                total++;
                correct += right ? 1 : 0;
                partCounts[0]++;
                partCounts[1] += right ? 1 : 0;
            }
        }

        void print(PrintStream out) {
            int width = Math.max(6, new TreeSet<>(perIntent.keySet()).stream().mapToInt(String::length).max()
                    .orElse(6));
            String row = "%-" + width + "s  %9s  %9s  %7s%n";
            out.printf(Locale.ROOT, row, "intent", "precision", "recall", "support");
            perIntent.forEach((intent, c) -> out.printf(Locale.ROOT, row, intent, ratio(c[2], c[1]),
                    ratio(c[2], c[0]), c[0]));
            if (perPart.size() > 1) {
                perPart.forEach((part, c) -> out.printf(Locale.ROOT, "# accuracy on %s: %s (%d examples)%n", part,
                        ratio(c[1], c[0]), c[0]));
            }
            out.println("accuracy=" + ratio(correct, total));
        }

        private static String ratio(int numerator, int denominator) {
            return String.format(Locale.ROOT, "%.4f", denominator == 0 ? 0.0 : (double) numerator / denominator);
        }
    }
}
