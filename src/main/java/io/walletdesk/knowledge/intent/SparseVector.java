package io.walletdesk.knowledge.intent;

import java.util.Arrays;

/** A sparse vector with feature ids in ascending order (the order makes training and scoring cache-friendly). */
record SparseVector(int[] index, float[] value) {

    static SparseVector sorted(int[] index, float[] value) {
        long[] packed = new long[index.length];
        for (int i = 0; i < index.length; i++) {
            packed[i] = ((long) index[i] << 32) | (Float.floatToRawIntBits(value[i]) & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        for (int i = 0; i < packed.length; i++) {
            index[i] = (int) (packed[i] >>> 32);
            value[i] = Float.intBitsToFloat((int) packed[i]);
        }
        return new SparseVector(index, value);
    }

    int size() {
        return index.length;
    }

    double squaredNorm() {
        double s = 0;
        for (float v : value) {
            s += v * v;
        }
        return s;
    }
}
