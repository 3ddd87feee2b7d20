package introdl.exercises;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;

/** The lecture 2 checks: right answers pass, each typical mistake is named. */
class Lecture2Test {
    @Test
    void theRnnStepCheckWantsTheRecurrenceTheBiasAndTheTanh() {
        assertTrue(Lecture2.rnnStep((h, x, whh, wxh, b) -> whh.matMul(h).add(wxh.matMul(x)).add(b).tanh()).correct());
        Verdict noTanh = Lecture2.rnnStep((h, x, whh, wxh, b) -> whh.matMul(h).add(wxh.matMul(x)).add(b));
        assertTrue(!noTanh.correct() && noTanh.message().contains("apply tanh"), noTanh.message());
        Verdict noMemory = Lecture2.rnnStep((h, x, whh, wxh, b) -> wxh.matMul(x).add(b).tanh());
        assertTrue(!noMemory.correct() && noMemory.message().contains("previous state"), noMemory.message());
        Verdict noBias = Lecture2.rnnStep((h, x, whh, wxh, b) -> whh.matMul(h).add(wxh.matMul(x)).tanh());
        assertTrue(!noBias.correct() && noBias.message().contains("bias"), noBias.message());
        Verdict stub = Lecture2.rnnStep((h, x, whh, wxh, b) -> h.zerosLike());
        assertTrue(!stub.correct() && stub.message().contains("all zeros"), stub.message());
    }

    @Test
    void theLstmCheckWantsEachGateInItsPlace() {
        assertTrue(Lecture2.lstmUpdate((f, i, g, o, c) -> pair(f.mul(c).add(i.mul(g)), o)).correct());
        Verdict noInputGate = Lecture2.lstmUpdate((f, i, g, o, c) -> pair(f.mul(c).add(g), o));
        assertTrue(!noInputGate.correct() && noInputGate.message().contains("input gate"), noInputGate.message());
        Verdict noForget = Lecture2.lstmUpdate((f, i, g, o, c) -> pair(c.add(i.mul(g)), o));
        assertTrue(!noForget.correct() && noForget.message().contains("forget gate"), noForget.message());
        Verdict noSquash = Lecture2.lstmUpdate((f, i, g, o, c) -> {
            NDArray next = f.mul(c).add(i.mul(g));
            return new NDArray[] {next, o.mul(next)};
        });
        assertTrue(!noSquash.correct() && noSquash.message().contains("tanh(c_t)"), noSquash.message());
        Verdict stub = Lecture2.lstmUpdate((f, i, g, o, c) -> new NDArray[] {c.zerosLike(), c.zerosLike()});
        assertTrue(!stub.correct() && stub.message().contains("all zeros"), stub.message());
    }

    private static NDArray[] pair(NDArray c, NDArray o) {
        return new NDArray[] {c, o.mul(c.tanh())};
    }
}
