package introdl.exercises;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lecture 4 checks: right answers pass, each typical mistake is named. */
class Lecture4Test {
    @Test
    void theReparameterisationCheckWantsTheStandardDeviationNotTheVariance() {
        assertTrue(Lecture4.reparameterize((mu, lv, e) -> mu.add(lv.div(2).exp().mul(e))).correct());
        Verdict variance = Lecture4.reparameterize((mu, lv, e) -> mu.add(lv.exp().mul(e)));
        assertTrue(!variance.correct() && variance.message().contains("variance"), variance.message());
        Verdict noMean = Lecture4.reparameterize((mu, lv, e) -> lv.div(2).exp().mul(e));
        assertTrue(!noMean.correct() && noMean.message().contains("mean is missing"), noMean.message());
        Verdict stub = Lecture4.reparameterize((mu, lv, e) -> mu);
        assertTrue(!stub.correct() && stub.message().contains("mean alone"), stub.message());
    }

    @Test
    void theKlCheckWantsItsSignAndItsHalf() {
        assertTrue(Lecture4.kl((mu, lv) -> lv.add(1).sub(mu.square()).sub(lv.exp()).sum().mul(-0.5f)).correct());
        Verdict sign = Lecture4.kl((mu, lv) -> lv.add(1).sub(mu.square()).sub(lv.exp()).sum().mul(0.5f));
        assertTrue(!sign.correct() && sign.message().contains("sign"), sign.message());
        Verdict half = Lecture4.kl((mu, lv) -> lv.add(1).sub(mu.square()).sub(lv.exp()).sum().neg());
        assertTrue(!half.correct() && half.message().contains("½ is missing"), half.message());
        Verdict stub = Lecture4.kl((mu, lv) -> mu.getManager().create(0f));
        assertTrue(!stub.correct() && stub.message().contains("is 0"), stub.message());
    }
}
