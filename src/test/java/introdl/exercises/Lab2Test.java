package introdl.exercises;

import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.faces.Resampling;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Lab 2 checks: right answers pass, each typical mistake is named. */
class Lab2Test {
    @Test
    void theLossCheckNamesAMisplacedFaceMask() {
        assertTrue(Lab2.dbvaeLoss((bce, face, kl, rec, c) -> bce.add(face.mul(kl.mul(c).add(rec)))).correct());
        Verdict course = Lab2.dbvaeLoss((bce, face, kl, rec, c) -> face.mul(bce).add(kl.mul(c).add(rec)));
        assertTrue(!course.correct() && course.message().contains("on the classification term"), course.message());
        Verdict none = Lab2.dbvaeLoss((bce, face, kl, rec, c) -> bce.add(kl.mul(c).add(rec)));
        assertTrue(!none.correct() && none.message().contains("every image pays"), none.message());
        Verdict inverted = Lab2.dbvaeLoss((bce, face, kl, rec, c) -> bce.add(face.neg().add(1).mul(kl.mul(c).add(rec))));
        assertTrue(!inverted.correct() && inverted.message().contains("wrong way round"), inverted.message());
        Verdict noWeight = Lab2.dbvaeLoss((bce, face, kl, rec, c) -> bce.add(face.mul(kl.add(rec))));
        assertTrue(!noWeight.correct() && noWeight.message().contains("weight c is missing"), noWeight.message());
        Verdict mean = Lab2.dbvaeLoss((bce, face, kl, rec, c) -> bce.add(face.mul(kl.mul(c).add(rec))).mean());
        assertTrue(!mean.correct() && mean.message().contains("one loss per image"), mean.message());
        Verdict stub = Lab2.dbvaeLoss((bce, face, kl, rec, c) -> bce);
        assertTrue(!stub.correct() && stub.message().contains("alone"), stub.message());
    }

    @Test
    void theResamplingCheckWantsTheInverseDensityTakenAtItsLargest() {
        assertTrue(Lab2.resampling(Resampling::probabilities).correct());
        Verdict uniform = Lab2.resampling((mu, bins, s) -> {
            double[] p = new double[mu.length];
            Arrays.fill(p, 1.0 / mu.length);
            return p;
        });
        assertTrue(!uniform.correct() && uniform.message().contains("same probability"), uniform.message());
        Verdict unnormalised = Lab2.resampling((mu, bins, s) ->
                Arrays.stream(Resampling.probabilities(mu, bins, s)).map(p -> 3 * p).toArray());
        assertTrue(!unnormalised.correct() && unnormalised.message().contains("divide by their sum"),
                unnormalised.message());
        Verdict unsmoothed = Lab2.resampling((mu, bins, s) -> Resampling.probabilities(mu, bins, 1e-12));
        assertTrue(!unsmoothed.correct() && unsmoothed.message().contains("smoothing"), unsmoothed.message());
        Verdict firstOnly = Lab2.resampling((mu, bins, s) -> Resampling.probabilities(
                Arrays.stream(mu).map(face -> new float[] {face[0]}).toArray(float[][]::new), bins, s));
        assertTrue(!firstOnly.correct() && firstOnly.message().contains("first latent dimension"), firstOnly.message());
        Verdict wrongCount = Lab2.resampling((mu, bins, s) -> new double[3]);
        assertTrue(!wrongCount.correct() && wrongCount.message().contains("60"), wrongCount.message());
    }
}
