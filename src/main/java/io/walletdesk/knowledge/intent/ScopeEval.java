package io.walletdesk.knowledge.intent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Out-of-scope rejection and in-scope accuracy (issue 17), measured on data the model was not tuned on.
 *
 * <p>Out-of-scope sets (every row is out of scope for a wallet): CLINC150's out-of-scope questions (English) and
 * xSID's virtual-assistant requests (weather, alarms, music, restaurants, ...; English, Indonesian, Chinese). Each
 * file is split in two halves by a hash of the text: the <em>tuning</em> half may be looked at while improving
 * the model, the <em>held-out</em> half is only measured. In-scope: the shipped phrases with 20% of every
 * language held out (the model is trained on the rest), and BANKING77 questions whose category is one of our
 * intents ({@link #BANKING77_INTENTS}), which the model never sees in training.
 *
 * <pre>
 * intent-eval --scope DATA_DIR [--phrases DIR]
 * </pre>
 */
public final class ScopeEval {

    /** Out-of-scope files under the data folder, every row out of scope whatever its label. */
    public static final List<String> OUT_OF_SCOPE_FILES = List.of("clinc150/oos-train.csv", "xsid/en.valid.csv",
            "xsid/id.valid.csv", "xsid/zh.valid.csv");
    /** BANKING77 file under the data folder. */
    public static final String BANKING77 = "banking77/train.csv";
    /** BANKING77 categories that are one of our intents. */
    public static final Map<String, String> BANKING77_INTENTS = Map.ofEntries(
            Map.entry("top_up_failed", "topup_failed"), Map.entry("pending_top_up", "topup_not_received"),
            Map.entry("transfer_not_received_by_recipient", "transfer_not_received"),
            Map.entry("failed_transfer", "transfer_failed"), Map.entry("declined_transfer", "transfer_failed"),
            Map.entry("declined_card_payment", "payment_failed"), Map.entry("request_refund", "refund"),
            Map.entry("Refund_not_showing_up", "refund"),
            Map.entry("card_payment_not_recognised", "unauthorized_transaction"),
            Map.entry("direct_debit_payment_not_recognised", "unauthorized_transaction"),
            Map.entry("verify_my_identity", "verify_identity"), Map.entry("unable_to_verify_identity", "verify_identity"),
            Map.entry("passcode_forgotten", "forgot_pin"), Map.entry("top_up_limits", "limits_fees"),
            Map.entry("transfer_fee_charged", "limits_fees"));

    private ScopeEval() {
    }

    /** Whether an example belongs to the held-out half (stable: a hash of its text, not its position). */
    public static boolean heldOut(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 1) == 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One half of an out-of-scope file, every label replaced by out_of_scope. */
    public static List<LabeledText> outOfScope(Path data, String file, boolean heldOutHalf) throws IOException {
        List<LabeledText> rows = new ArrayList<>();
        for (LabeledText row : LabeledTextCsv.read(data.resolve(file))) {
            if (heldOut(row.text()) == heldOutHalf) {
                rows.add(new LabeledText(row.text(), IntentModel.OUT_OF_SCOPE));
            }
        }
        return rows;
    }

    /** One half of the BANKING77 rows whose category is one of our intents, labelled with our intent. */
    public static List<LabeledText> banking77(Path data, boolean heldOutHalf) throws IOException {
        List<LabeledText> rows = new ArrayList<>();
        for (LabeledText row : LabeledTextCsv.read(data.resolve(BANKING77))) {
            String intent = BANKING77_INTENTS.get(row.label());
            if (intent != null && heldOut(row.text()) == heldOutHalf) {
                rows.add(new LabeledText(row.text(), intent));
            }
        }
        return rows;
    }

    /** Share of the examples rejected as out of scope. */
    public static double rejection(IntentModel model, List<LabeledText> examples) {
        long rejected = examples.stream().filter(e -> IntentModel.OUT_OF_SCOPE.equals(model.predict(e.text()).intent()))
                .count();
        return examples.isEmpty() ? 0 : (double) rejected / examples.size();
    }

    /** Share of the examples given their own label. */
    public static double accuracy(IntentModel model, List<LabeledText> examples) {
        long right = examples.stream().filter(e -> e.label().equals(model.predict(e.text()).intent())).count();
        return examples.isEmpty() ? 0 : (double) right / examples.size();
    }

    /** The {@code --scope} mode of {@code intent-eval}. */
    static void run(Path data, Map<String, List<LabeledText>> phraseFiles, PrintStream out) throws IOException {
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> inScope = new ArrayList<>();
        List<LabeledText> phraseOutOfScope = new ArrayList<>();
        Map<String, List<LabeledText>> inScopeByFile = new LinkedHashMap<>();
        for (Map.Entry<String, List<LabeledText>> file : phraseFiles.entrySet()) {
            List<List<LabeledText>> split = Folds.split(file.getValue(), 0.2);
            train.addAll(split.get(0));
            List<LabeledText> held = split.get(1).stream()
                    .filter(e -> !IntentModel.OUT_OF_SCOPE.equals(e.label())).toList();
            inScope.addAll(held);
            inScopeByFile.put(file.getKey(), held);
            split.get(1).stream().filter(e -> IntentModel.OUT_OF_SCOPE.equals(e.label())).forEach(phraseOutOfScope::add);
        }
        long start = System.nanoTime();
        IntentModel model = IntentModel.train(train);
        out.printf(Locale.ROOT, "# trained on %d phrases (80%% of every language) in %.1f s; out_of_scope below p=%.3f%n",
                train.size(), (System.nanoTime() - start) / 1e9, model.outOfScopeThreshold());
        for (Map.Entry<String, List<LabeledText>> file : inScopeByFile.entrySet()) {
            out.printf(Locale.ROOT, "in-scope accuracy, held-out phrases %s: %.4f (%d)%n", file.getKey(),
                    accuracy(model, file.getValue()), file.getValue().size());
        }
        out.printf(Locale.ROOT, "in-scope accuracy, held-out phrases: %.4f (%d)%n", accuracy(model, inScope),
                inScope.size());
        List<LabeledText> banking = banking77(data, true);
        out.printf(Locale.ROOT, "in-scope accuracy, BANKING77 mapped, held-out half: %.4f (%d; rejected %.4f)%n",
                accuracy(model, banking), banking.size(), rejection(model, banking));
        out.printf(Locale.ROOT, "out-of-scope rejection, held-out phrases: %.4f (%d)%n",
                rejection(model, phraseOutOfScope), phraseOutOfScope.size());
        List<LabeledText> allHeld = new ArrayList<>();
        for (boolean half : new boolean[] {false, true}) {
            for (String file : OUT_OF_SCOPE_FILES) {
                List<LabeledText> rows = outOfScope(data, file, half);
                if (half) {
                    allHeld.addAll(rows);
                }
                out.printf(Locale.ROOT, "out-of-scope rejection, %s, %s half: %.4f (%d)%n", file,
                        half ? "held-out" : "tuning", rejection(model, rows), rows.size());
            }
        }
        out.printf(Locale.ROOT, "out-of-scope rejection, all held-out halves: %.4f (%d)%n", rejection(model, allHeld),
                allHeld.size());
    }
}
