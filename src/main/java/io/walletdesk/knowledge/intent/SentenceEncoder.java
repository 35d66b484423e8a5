package io.walletdesk.knowledge.intent;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sentence embedding of all-MiniLM-L6-v2 (quantized ONNX shipped inside the langchain4j jar, runs offline in
 * process): 384 numbers, L2-normalised, that place messages with the same meaning close together even when
 * they share no words. Trained on English; it still helps the mixed-language model (ADR 0400). One instance
 * per JVM, loaded on first use (about half a second) and safe to use from many threads.
 */
final class SentenceEncoder {

    static final String NAME = "all-minilm-l6-v2-q";
    static final int DIMENSION = 384;

    private static volatile SentenceEncoder instance;

    private static final int CACHE_SIZE = 12_000;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;
    // training texts only: a rebuild or a cross-validation embeds the same phrases again
    private final Map<String, float[]> trainingCache = new LinkedHashMap<>(CACHE_SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private SentenceEncoder() {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    static SentenceEncoder get() {
        SentenceEncoder e = instance;
        if (e == null) {
            synchronized (SentenceEncoder.class) {
                e = instance;
                if (e == null) {
                    e = new SentenceEncoder();
                    instance = e;
                }
            }
        }
        return e;
    }

    float[] encode(String text) {
        // the tokenizer refuses empty input; an empty message has no meaning to add
        if (text.isBlank()) {
            return new float[DIMENSION];
        }
        return model.embed(text).content().vector();
    }

    private float[] cachedEncode(String text) {
        float[] v;
        synchronized (trainingCache) {
            v = trainingCache.get(text);
        }
        if (v == null) {
            v = encode(text);
            synchronized (trainingCache) {
                trainingCache.put(text, v);
            }
        }
        return v;
    }

    /** Encodes many texts on two threads (the embedding dominates training time). */
    float[][] encodeAll(List<String> texts) {
        float[][] out = new float[texts.size()][];
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "intent-encoder");
            t.setDaemon(true);
            return t;
        });
        try {
            int chunk = (texts.size() + threads - 1) / threads;
            Future<?>[] parts = new Future<?>[threads];
            for (int p = 0; p < threads; p++) {
                int from = p * chunk;
                int to = Math.min(texts.size(), from + chunk);
                parts[p] = pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        out[i] = cachedEncode(texts.get(i));
                    }
                });
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sentence encoder failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }
}
