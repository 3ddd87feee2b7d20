package introdl.exercises;

import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.sequence.CharWindows;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Lab 3 checks: right answers pass, each typical mistake is named. */
class Lab3Test {
    @Test
    void theLoraCheckWantsTheFrozenLayerPlusTheScaledChange() {
        assertTrue(Lab3.lora((x, w, bias, a, b, scale) -> x.matMul(w.transpose()).add(bias)
                .add(x.matMul(a.transpose()).matMul(b.transpose()).mul(scale))).correct());
        Verdict frozen = Lab3.lora((x, w, bias, a, b, scale) -> x.matMul(w.transpose()).add(bias));
        assertTrue(!frozen.correct() && frozen.message().contains("frozen layer alone"), frozen.message());
        Verdict unscaled = Lab3.lora((x, w, bias, a, b, scale) -> x.matMul(w.transpose()).add(bias)
                .add(x.matMul(a.transpose()).matMul(b.transpose())));
        assertTrue(!unscaled.correct() && unscaled.message().contains("scale"), unscaled.message());
        Verdict changeOnly = Lab3.lora((x, w, bias, a, b, scale) -> x.matMul(a.transpose()).matMul(b.transpose())
                .mul(scale));
        assertTrue(!changeOnly.correct() && changeOnly.message().contains("change alone"), changeOnly.message());
        Verdict swapped = Lab3.lora((x, w, bias, a, b, scale) -> x.matMul(b).matMul(a));
        assertTrue(!swapped.correct() && swapped.message().contains("failed"), swapped.message());
    }

    @Test
    void theAnswerMaskCheckWantsNextTokensScoredOnlyInAnswers() {
        assertTrue(Lab3.answerTargets(Lab3Test::targets).correct(), Lab3.answerTargets(Lab3Test::targets).message());
        Verdict all = Lab3.answerTargets((ids, scored) -> Arrays.copyOfRange(ids, 1, ids.length));
        assertTrue(!all.correct() && all.message().contains("prompt's tokens are scored"), all.message());
        Verdict offByOne = Lab3.answerTargets((ids, scored) -> {
            int[] t = new int[ids.length - 1];
            for (int i = 0; i < t.length; i++) {
                t[i] = scored[i] ? ids[i + 1] : CharWindows.UNSCORED;
            }
            return t;
        });
        assertTrue(!offByOne.correct() && offByOne.message().contains("off by one"), offByOne.message());
        Verdict same = Lab3.answerTargets((ids, scored) -> {
            int[] t = new int[ids.length - 1];
            for (int i = 0; i < t.length; i++) {
                t[i] = scored[i] ? ids[i] : CharWindows.UNSCORED;
            }
            return t;
        });
        assertTrue(!same.correct() && same.message().contains("next token"), same.message());
        Verdict tooMany = Lab3.answerTargets((ids, scored) -> ids);
        assertTrue(!tooMany.correct() && tooMany.message().contains("13 targets"), tooMany.message());
    }

    private static int[] targets(int[] ids, boolean[] scored) {
        int[] t = new int[ids.length - 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = scored[i + 1] ? ids[i + 1] : CharWindows.UNSCORED;
        }
        return t;
    }
}
