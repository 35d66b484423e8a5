package io.walletdesk.knowledge.intent;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random Fourier features of the sentence embedding (Rahimi and Recht 2007): {@code sqrt(2/D) cos(w·e + b)}
 * with {@code w ~ N(0, 2 gamma I)} and {@code b ~ U[0, 2 pi)}, so that a linear machine on them approximates an
 * RBF kernel {@code exp(-gamma |e - e'|^2)} on the embedding. The projection is drawn from a fixed seed with
 * {@link StrictMath}, so it is the same on every JVM and a stored model needs only its count and gamma.
 */
final class RandomFourierFeatures {

    private static final long SEED = 0x52464621L;
    private static final Map<String, RandomFourierFeatures> CACHE = new ConcurrentHashMap<>();

    private final int count;
    private final double gamma;
    private final float[] projection; // count * input, row-major
    private final float[] offset;
    private final int input;

    private RandomFourierFeatures(int count, double gamma, int input) {
        this.count = count;
        this.gamma = gamma;
        this.input = input;
        this.projection = new float[count * input];
        this.offset = new float[count];
        SplittableRandom random = new SplittableRandom(SEED);
        double scale = StrictMath.sqrt(2 * gamma);
        for (int i = 0; i < count * input; i++) {
            projection[i] = (float) (gaussian(random) * scale);
        }
        for (int i = 0; i < count; i++) {
            offset[i] = (float) (random.nextDouble() * 2 * StrictMath.PI);
        }
    }

    /** The (shared, immutable) feature map of this size and gamma for {@code input}-dimensional vectors. */
    static RandomFourierFeatures of(int count, double gamma, int input) {
        return CACHE.computeIfAbsent(count + "/" + gamma + "/" + input,
                key -> new RandomFourierFeatures(count, gamma, input));
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }

    int count() {
        return count;
    }

    double gamma() {
        return gamma;
    }

    /** Writes {@code weight * features(e)} into {@code out[from..from+count)}. */
    void transform(float[] e, float weight, float[] out, int from) {
        double scale = weight * StrictMath.sqrt(2.0 / count);
        for (int i = 0; i < count; i++) {
            int row = i * input;
            float d0 = 0;
            float d1 = 0;
            float d2 = 0;
            float d3 = 0;
            int j = 0;
            for (; j + 3 < input; j += 4) {
                d0 += projection[row + j] * e[j];
                d1 += projection[row + j + 1] * e[j + 1];
                d2 += projection[row + j + 2] * e[j + 2];
                d3 += projection[row + j + 3] * e[j + 3];
            }
            for (; j < input; j++) {
                d0 += projection[row + j] * e[j];
            }
            out[from + i] = (float) (scale * StrictMath.cos((d0 + d1) + (d2 + d3) + offset[i]));
        }
    }
}
