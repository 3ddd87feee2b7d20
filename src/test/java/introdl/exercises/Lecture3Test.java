package introdl.exercises;

import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.vision.Convolution;
import introdl.vision.Pooling;
import org.junit.jupiter.api.Test;

/** The lecture 3 checks: right answers pass, each typical mistake is named. */
class Lecture3Test {
    @Test
    void theConvolutionCheckWantsTheLecturesSumAndNamesTheUsualMistakes() {
        assertTrue(Lecture3.convolution((x, w) -> Convolution.apply(x, w, 0, 1, 0)).correct());
        Verdict flipped = Lecture3.convolution((x, w) -> Convolution.apply(x, Lecture3.flipped(w), 0, 1, 0));
        assertTrue(!flipped.correct() && flipped.message().contains("180"), flipped.message());
        Verdict padded = Lecture3.convolution((x, w) -> Convolution.apply(x, w, 0, 1, 1));
        assertTrue(!padded.correct() && padded.message().contains("6 x 6; a 6 x 6 image"), padded.message());
        Verdict stub = Lecture3.convolution((x, w) -> new float[4][4]);
        assertTrue(!stub.correct() && stub.message().contains("all zeros"), stub.message());
        Verdict crash = Lecture3.convolution((x, w) -> new float[][] {{x[9][9]}});
        assertTrue(!crash.correct() && crash.message().startsWith("it failed"), crash.message());
    }

    @Test
    void thePoolingCheckWantsEachWindowsMaximum() {
        assertTrue(Lecture3.maxPooling((map, size) -> Pooling.MAX.apply(map, size)).correct());
        Verdict mean = Lecture3.maxPooling((map, size) -> Pooling.MEAN.apply(map, size));
        assertTrue(!mean.correct() && mean.message().contains("average"), mean.message());
        Verdict stride1 = Lecture3.maxPooling((map, size) -> Pooling.MAX.apply(map, size, 1));
        assertTrue(!stride1.correct() && stride1.message().contains("5 x 5"), stride1.message());
        Verdict min = Lecture3.maxPooling((map, size) -> Pooling.MIN.apply(map, size));
        assertTrue(!min.correct() && min.message().contains("maximum is"), min.message());
    }
}
