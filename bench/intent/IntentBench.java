import io.walletdesk.knowledge.intent.IntentModel;
import io.walletdesk.knowledge.intent.LabeledText;
import io.walletdesk.knowledge.intent.LabeledTextCsv;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Speed and memory of the shipped intent model (run by bench/run-intent-bench.sh with the built jar's classes
 * on the class path; public API only). Two modes:
 * <pre>
 *   train PHRASES_DIR DATA_DIR MODEL_FILE   train on the phrase files (cold, then again as a staff rebuild),
 *                                           store the model, time predict() over a few thousand messages
 *   load MODEL_FILE DATA_DIR                in a fresh JVM: time reading the stored model and the first answer
 * </pre>
 */
public class IntentBench {

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("train")) {
            train(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        } else if (args.length == 3 && args[0].equals("load")) {
            load(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: IntentBench train PHRASES_DIR DATA_DIR MODEL_FILE | load MODEL_FILE DATA_DIR");
            System.exit(2);
        }
    }

    static void train(Path phrases, Path data, Path modelFile) throws Exception {
        List<LabeledText> examples = new ArrayList<>();
        for (String name : List.of("en.csv", "id.csv", "zh-CN.csv")) {
            examples.addAll(LabeledTextCsv.read(phrases.resolve(name)));
        }
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        IntentModel model = IntentModel.train(examples);
        double cold = seconds(t0);
        t0 = System.nanoTime();
        model = IntentModel.train(examples);
        double rebuild = seconds(t0);
        System.out.printf("training on %d phrases: %.1f s cold (encoder load + embedding every phrase), "
                + "%.1f s as a rebuild in the same JVM (embeddings cached)%n", examples.size(), cold, rebuild);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        try (OutputStream out = Files.newOutputStream(modelFile)) {
            out.write(bytes.toByteArray());
        }
        System.out.printf("stored model: %.1f MB; thresholds: confident >= %.2f, out_of_scope below %.2f%n",
                bytes.size() / 1e6, model.confidenceThreshold(), model.outOfScopeThreshold());
        latency(model, messages(data));
        System.out.printf("heap used with the model (after GC): %.0f MB (%.0f MB more than before training), max heap %.0f MB%n",
                usedHeap() / 1e6, (usedHeap() - heapBefore) / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        if (model.predict("x").ranked().isEmpty()) {
            throw new IllegalStateException(); // keeps the model reachable until here
        }
    }

    static void load(Path modelFile, Path data) throws Exception {
        long t0 = System.nanoTime();
        IntentModel model;
        try (InputStream in = Files.newInputStream(modelFile)) {
            model = IntentModel.read(in);
        }
        double read = seconds(t0);
        String first = model.predict("my top up failed").intent();
        double firstAnswer = seconds(t0);
        System.out.printf("fresh JVM: model read in %.2f s, first answer (%s) after %.2f s (encoder load included)%n",
                read, first, firstAnswer);
        System.out.printf("heap used after loading (after GC): %.0f MB%n", usedHeap() / 1e6);
    }

    /** A few thousand real messages in the three languages, none of them training phrases. */
    static List<String> messages(Path data) throws Exception {
        List<String> texts = new ArrayList<>();
        for (String file : List.of("xsid/en.valid.csv", "xsid/id.valid.csv", "xsid/zh.valid.csv",
                "clinc150/oos-train.csv", "banking77/train.csv")) {
            for (LabeledText e : LabeledTextCsv.read(data.resolve(file))) {
                texts.add(e.text());
            }
        }
        return texts.subList(0, Math.min(texts.size(), 4000));
    }

    static void latency(IntentModel model, List<String> messages) {
        for (int round = 0; round < 2; round++) { // warm-up: JIT and the ONNX session
            for (String m : messages.subList(0, Math.min(1000, messages.size()))) {
                model.predict(m);
            }
        }
        long[] nanos = new long[messages.size()];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            model.predict(messages.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("predict() over %d messages after warm-up, one thread: p50 %.2f ms, p95 %.2f ms, "
                + "p99 %.2f ms, max %.2f ms%n", nanos.length, pct(nanos, 0.50), pct(nanos, 0.95), pct(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
