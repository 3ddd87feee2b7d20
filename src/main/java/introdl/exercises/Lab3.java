package introdl.exercises;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import introdl.data.Examples;
import introdl.language.Lora;
import introdl.sequence.CharWindows;
import java.util.Arrays;

/** Checks for Lab 3's exercises (notebook 09): the LoRA layer and the answer mask. */
public final class Lab3 {
    private static final int IN = 6;
    private static final int OUT = 5;
    private static final int RANK = 2;
    private static final double ALPHA = 4;

    /**
     * A window of two templated answers: a prompt of 3 tokens (7, 8, 9), an answer, the prompt
     * again, a second answer cut off by the window's end.
     */
    private static final int[] IDS = {7, 8, 9, 21, 22, 23, 24, 1, 7, 8, 9, 31, 32, 33};
    private static final boolean[] SCORED = {false, false, false, true, true, true, true, true, false, false, false,
        true, true, true};

    private Lab3() {}

    /** A LoRA layer's output as the student writes it: y = W x + bias + scale · B A x, scale = α / r. */
    @FunctionalInterface
    public interface LoraForward {
        NDArray apply(NDArray x, NDArray w, NDArray bias, NDArray a, NDArray b, double scale);
    }

    /** The targets of one training window as the student writes them: n targets from n + 1 token ids. */
    @FunctionalInterface
    public interface AnswerTargets {
        int[] targets(int[] ids, boolean[] scored);
    }

    /**
     * Checks the student's LoRA output against introdl's {@link Lora} block on a dense layer of 6
     * inputs and 5 outputs, rank 2, α = 4, with B not zero (as after some training).
     */
    public static Verdict lora(LoraForward student) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(9);
            Linear layer = Linear.builder().setUnits(OUT).build();
            layer.initialize(m, DataType.FLOAT32, new Shape(1, IN));
            Lora adapter = new Lora(layer, RANK, ALPHA);
            adapter.initialize(m, DataType.FLOAT32, new Shape(1, IN));
            adapter.getParameters().get("loraB").getArray()
                    .set(m.randomNormal(0, 0.5f, new Shape(OUT, RANK), DataType.FLOAT32).toFloatArray());
            NDArray x = m.randomNormal(new Shape(2, 3, IN));
            NDArray w = layer.getParameters().get("weight").getArray();
            NDArray bias = layer.getParameters().get("bias").getArray();
            NDArray a = adapter.getParameters().get("loraA").getArray();
            NDArray b = adapter.getParameters().get("loraB").getArray();
            NDArray expected = adapter.forward(new ParameterStore(m, false), new NDList(x), false).head();
            NDArray got;
            try {
                got = student.apply(x, w, bias, a, b, ALPHA / RANK);
            } catch (RuntimeException e) {
                return Verdict.notYet("it failed on x of shape (2, 3, 6), W (5, 6), bias (5), A (2, 6) and B (5, 2): "
                        + e.getMessage() + " (x Aᵀ gives r = 2 numbers per position, then Bᵀ gives 5)");
            }
            if (got == null || !got.getShape().equals(expected.getShape())) {
                return Verdict.notYet("the output should have the frozen layer's shape, (2, 3, 5), got "
                        + (got == null ? "nothing" : got.getShape()));
            }
            if (Compare.close(got, expected)) {
                return Verdict.correct("W x + bias + (α/r) B A x, as introdl's Lora computes it; only A and B train");
            }
            NDArray frozen = x.matMul(w.transpose()).add(bias);
            NDArray change = x.matMul(a.transpose()).matMul(b.transpose());
            if (Compare.close(got, frozen)) {
                return Verdict.notYet("that is the frozen layer alone, as at the start when B = 0: add (α/r) B A x");
            }
            if (Compare.close(got, frozen.add(change))) {
                return Verdict.notYet("the scale α/r is missing: multiply B A x by it");
            }
            if (Compare.close(got, frozen.sub(bias).add(change.mul(ALPHA / RANK)))) {
                return Verdict.notYet("the frozen layer's bias is missing: W x + bias");
            }
            if (Compare.close(got, change.mul(ALPHA / RANK))) {
                return Verdict.notYet("that is the change alone: LoRA adds it to the frozen layer's W x + bias");
            }
            return Verdict.notYet("the outputs differ from W x + bias + (α/r) B A x; in arrays: x Wᵀ + bias + scale · "
                    + "(x Aᵀ) Bᵀ");
        }
    }

    /**
     * Checks the student's targets of a window of 14 tokens (two answers, each after a prompt of 3)
     * against introdl's training windows ({@link CharWindows#tiledTokens}).
     */
    public static Verdict answerTargets(AnswerTargets student) {
        int n = IDS.length - 1;
        int[] got;
        try {
            got = student.targets(IDS.clone(), SCORED.clone());
        } catch (RuntimeException e) {
            return Verdict.notYet("it failed on a window of 14 tokens: " + e.getMessage());
        }
        if (got == null || got.length != n) {
            return Verdict.notYet("a window of " + IDS.length + " tokens gives " + n + " targets (the last token is "
                    + "only ever a target), got " + (got == null ? "nothing" : got.length));
        }
        Examples windows = CharWindows.tiledTokens("check", IDS, SCORED, n);
        int[] expected = ints(windows.target(0));
        if (Arrays.equals(got, expected)) {
            return Verdict.correct(Arrays.stream(expected).filter(t -> t != CharWindows.UNSCORED).count() + " of " + n
                    + " positions scored: each answer's tokens (and its end), never the prompt");
        }
        if (Arrays.equals(got, targets(1, -1, false))) {
            return Verdict.notYet("the prompt's tokens are scored too: give them CharWindows.UNSCORED (−1), so the "
                    + "loss teaches only the answers");
        }
        if (Arrays.equals(got, targets(0, 0, false))) {
            return Verdict.notYet("each position's target is the next token, ids[t + 1], not the token itself");
        }
        if (Arrays.equals(got, targets(1, 0, false))) {
            return Verdict.notYet("off by one: whether a target is scored depends on the token to be predicted, "
                    + "scored[t + 1]");
        }
        if (Arrays.equals(got, targets(1, 1, true))) {
            return Verdict.notYet("the mask is the wrong way round: only the prompt is scored");
        }
        return Verdict.notYet("the targets are " + Arrays.toString(got) + " but should be " + Arrays.toString(expected));
    }

    /** Targets ids[t + shift], each scored if scored[t + maskAt] (or not, inverted); maskAt −1 scores all. */
    private static int[] targets(int shift, int maskAt, boolean inverted) {
        int[] out = new int[IDS.length - 1];
        for (int t = 0; t < out.length; t++) {
            boolean kept = maskAt < 0 || SCORED[t + maskAt] != inverted;
            out[t] = kept ? IDS[t + shift] : CharWindows.UNSCORED;
        }
        return out;
    }

    private static int[] ints(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.round(values[i]);
        }
        return out;
    }
}
