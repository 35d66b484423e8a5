package io.walletdesk.knowledge.intent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Deterministic stratified splits: every label is spread evenly over the folds, in a seeded random order. */
final class Folds {

    static final long SEED = 20261126L;

    private Folds() {
    }

    /** The fold (0..k-1) of every example; the same list always gives the same folds. */
    static int[] stratified(List<LabeledText> examples, int k) {
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byLabel.computeIfAbsent(examples.get(i).label(), l -> new ArrayList<>()).add(i);
        }
        int[] fold = new int[examples.size()];
        int offset = 0;
        Random random = new Random(SEED);
        for (List<Integer> members : byLabel.values()) {
            Collections.shuffle(members, random);
            for (int j = 0; j < members.size(); j++) {
                fold[members.get(j)] = (offset + j) % k; // continue where the last label stopped: even fold sizes
            }
            offset = (offset + members.size()) % k;
        }
        return fold;
    }

    /** Training part and held-out part: about {@code heldOut} of every label is held out (at least one, but every label keeps one for training). */
    static List<List<LabeledText>> split(List<LabeledText> examples, double heldOut) {
        Map<String, List<LabeledText>> byLabel = new TreeMap<>();
        for (LabeledText e : examples) {
            byLabel.computeIfAbsent(e.label(), l -> new ArrayList<>()).add(e);
        }
        Random random = new Random(SEED);
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> test = new ArrayList<>();
        for (List<LabeledText> members : byLabel.values()) {
            Collections.shuffle(members, random);
            int n = (int) Math.round(members.size() * heldOut);
            if (n == 0 && heldOut > 0) {
                n = 1;
            }
            n = Math.min(n, members.size() - 1); // every label keeps at least one training example
            test.addAll(members.subList(0, n));
            train.addAll(members.subList(n, members.size()));
        }
        return List.of(train, test);
    }

    /** The examples whose fold is (or is not) {@code k}. */
    static List<LabeledText> select(List<LabeledText> examples, int[] fold, int k, boolean inFold) {
        List<LabeledText> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if ((fold[i] == k) == inFold) {
                out.add(examples.get(i));
            }
        }
        return out;
    }
}
