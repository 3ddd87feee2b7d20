package introdl.exercises;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Checks for lecture 2's exercises (notebook 04): one step of an RNN, and the LSTM cell's update. */
public final class Lecture2 {
    private Lecture2() {}

    /** One RNN step as the student writes it: the new state from the old one and the input. */
    @FunctionalInterface
    public interface RnnStep {
        NDArray apply(NDArray hPrevious, NDArray x, NDArray wHh, NDArray wXh, NDArray b);
    }

    /** The LSTM's update as the student writes it: {c_t, h_t} from the gates and c_{t-1}. */
    @FunctionalInterface
    public interface LstmUpdate {
        NDArray[] apply(NDArray f, NDArray i, NDArray g, NDArray o, NDArray cPrevious);
    }

    /** Checks h_t = tanh(W_hh h_{t-1} + W_xh x_t + b) on a seeded state of 3 units and input of 2. */
    public static Verdict rnnStep(RnnStep step) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(2);
            NDArray h = m.randomNormal(new Shape(3));
            NDArray x = m.randomNormal(new Shape(2));
            NDArray wHh = m.randomNormal(new Shape(3, 3));
            NDArray wXh = m.randomNormal(new Shape(3, 2));
            NDArray b = m.randomNormal(new Shape(3));
            NDArray sum = wHh.matMul(h).add(wXh.matMul(x)).add(b);
            NDArray got;
            try {
                got = step.apply(h, x, wHh, wXh, b);
            } catch (RuntimeException e) {
                return Verdict.notYet("the step failed with h (3), x (2), W_hh (3x3), W_xh (3x2), b (3): " + e.getMessage());
            }
            if (got == null || got.size() != 3) {
                return Verdict.notYet("the new state should have 3 numbers, one per unit, like h; got "
                        + (got == null ? "nothing" : "shape " + got.getShape()));
            }
            if (Compare.close(got, sum.tanh())) {
                return Verdict.correct("h_t = tanh(W_hh h_{t-1} + W_xh x_t + b): the state carries the past into the step");
            }
            if (Compare.close(got, sum)) {
                return Verdict.notYet("the sum is right but not squashed: apply tanh to it");
            }
            if (Compare.close(got, wXh.matMul(x).add(b).tanh())) {
                return Verdict.notYet("the previous state is missing: add W_hh h_{t-1}, the recurrence that gives the RNN memory");
            }
            if (Compare.close(got, wHh.matMul(h).add(wXh.matMul(x)).tanh())) {
                return Verdict.notYet("the bias b is missing");
            }
            if (Compare.isZero(got)) {
                return Verdict.notYet("the state is all zeros: compute tanh(W_hh h + W_xh x + b)");
            }
            return Verdict.notYet("the state is " + Compare.show(got) + " but tanh(W_hh h + W_xh x + b) is "
                    + Compare.show(sum.tanh()));
        }
    }

    /** Checks c_t = f ⊙ c_{t-1} + i ⊙ g and h_t = o ⊙ tanh(c_t) on seeded gates of 4 units. */
    public static Verdict lstmUpdate(LstmUpdate update) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(4);
            NDArray f = m.randomUniform(0, 1, new Shape(4));
            NDArray i = m.randomUniform(0, 1, new Shape(4));
            NDArray g = m.randomUniform(-1, 1, new Shape(4));
            NDArray o = m.randomUniform(0, 1, new Shape(4));
            NDArray cPrevious = m.randomNormal(new Shape(4));
            NDArray c = f.mul(cPrevious).add(i.mul(g));
            NDArray[] got;
            try {
                got = update.apply(f, i, g, o, cPrevious);
            } catch (RuntimeException e) {
                return Verdict.notYet("the update failed on gates of 4 units: " + e.getMessage());
            }
            if (got == null || got.length != 2 || got[0] == null || got[1] == null) {
                return Verdict.notYet("return two arrays, {c, h}: the new cell state and the new output");
            }
            if (got[0].size() != 4 || got[1].size() != 4) {
                return Verdict.notYet("c and h should have 4 numbers each, one per unit");
            }
            if (!Compare.close(got[0], c)) {
                if (Compare.close(got[0], f.mul(cPrevious).add(g))) {
                    return Verdict.notYet("c adds all of g: the input gate i decides how much of it to store (i ⊙ g)");
                }
                if (Compare.close(got[0], cPrevious.add(i.mul(g)))) {
                    return Verdict.notYet("c keeps all of c_{t-1}: the forget gate f decides how much to keep (f ⊙ c_{t-1})");
                }
                if (Compare.isZero(got[0])) {
                    return Verdict.notYet("c is all zeros: c_t = f ⊙ c_{t-1} + i ⊙ g");
                }
                return Verdict.notYet("c is " + Compare.show(got[0]) + " but f ⊙ c_{t-1} + i ⊙ g is " + Compare.show(c));
            }
            if (Compare.close(got[1], o.mul(c.tanh()))) {
                return Verdict.correct("c_t = f ⊙ c_{t-1} + i ⊙ g is updated by addition, and h_t = o ⊙ tanh(c_t)");
            }
            if (Compare.close(got[1], o.mul(c))) {
                return Verdict.notYet("c is right; h should squash it first: h_t = o ⊙ tanh(c_t)");
            }
            if (Compare.close(got[1], c.tanh())) {
                return Verdict.notYet("c is right; the output gate o is missing from h: h_t = o ⊙ tanh(c_t)");
            }
            return Verdict.notYet("c is right, but h is " + Compare.show(got[1]) + " and o ⊙ tanh(c_t) is "
                    + Compare.show(o.mul(c.tanh())));
        }
    }
}
