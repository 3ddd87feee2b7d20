package introdl.exercises;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;

/** The lecture 2b check: the right attention passes, each typical mistake is named. */
class Lecture2bTest {
    private static NDArray scores(NDArray q, NDArray k) {
        return q.matMul(k.transpose()).div(Math.sqrt(q.getShape().get(1)));
    }

    @Test
    void theAttentionCheckWantsTheScaleTheAxisAndTheMaskBeforeTheSoftmax() {
        assertTrue(Lecture2b.attention((q, k, v, mask) -> scores(q, k).add(mask.sub(1).mul(1e9)).softmax(-1)
                .matMul(v)).correct());
        Verdict unscaled = Lecture2b.attention((q, k, v, mask) -> q.matMul(k.transpose()).add(mask.sub(1).mul(1e9))
                .softmax(-1).matMul(v));
        assertTrue(!unscaled.correct() && unscaled.message().contains("√d"), unscaled.message());
        Verdict axis = Lecture2b.attention((q, k, v, mask) -> scores(q, k).softmax(0).matMul(v));
        assertTrue(!axis.correct() && axis.message().contains("axis 0"), axis.message());
        Verdict unmasked = Lecture2b.attention((q, k, v, mask) -> scores(q, k).softmax(-1).matMul(v));
        assertTrue(!unmasked.correct() && unmasked.message().contains("changes nothing"), unmasked.message());
        Verdict late = Lecture2b.attention((q, k, v, mask) -> scores(q, k).softmax(-1).mul(mask).matMul(v));
        assertTrue(!late.correct() && late.message().contains("after the softmax"), late.message());
        Verdict untransposed = Lecture2b.attention((q, k, v, mask) -> q.matMul(k.reshape(5, 8, 1)).squeeze());
        assertTrue(!untransposed.correct(), untransposed.message());
        Verdict stub = Lecture2b.attention((q, k, v, mask) -> v.zerosLike());
        assertTrue(!stub.correct() && stub.message().contains("all zeros"), stub.message());
    }
}
