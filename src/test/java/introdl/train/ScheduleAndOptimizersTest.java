package introdl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Sgd;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class ScheduleAndOptimizersTest {
    @Test
    void cosineFallsFromTheBaseRateToItsFinalFraction() {
        Tracker t = Schedule.cosine(0.1).tracker(1f, 10, 5);
        assertEquals(1f, t.getNewValue(0), 1e-6);
        assertEquals(0.55f, t.getNewValue(25), 1e-5);
        assertEquals(0.1f, t.getNewValue(50), 1e-6);
    }

    @Test
    void stepHalvesEveryPeriod() {
        Tracker t = Schedule.step(2, 0.5).tracker(0.8f, 10, 10);
        assertEquals(0.8f, t.getNewValue(1), 1e-7);
        assertEquals(0.8f, t.getNewValue(20), 1e-7);
        assertEquals(0.4f, t.getNewValue(21), 1e-7);
        assertEquals(0.2f, t.getNewValue(41), 1e-7);
    }

    @Test
    void warmupRisesThenHandsOver() {
        Tracker t = Schedule.warmup(1, Schedule.constant()).tracker(1f, 10, 5);
        assertTrue(t.getNewValue(2) < 0.5f);
        assertEquals(1f, t.getNewValue(30), 1e-6);
    }

    @Test
    void schedulesParseFromTheCommandLine() {
        assertEquals("constant", Schedule.parse("constant").toString());
        assertEquals(0.25f, Schedule.parse("cosine:0.25").tracker(1f, 1, 1).getNewValue(5), 1e-6);
        assertEquals(0.5f, Schedule.parse("step:1:0.5").tracker(1f, 1, 5).getNewValue(2), 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse("zigzag"));
        assertTrue(e.getMessage().contains("cosine"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("step:x:1"));
    }

    @Test
    void everyOptimiserOfTheLectureIsADjlOptimizer() {
        for (String name : Optimizers.NAMES) {
            String type = Optimizers.named(name, 0.1).build(10, 2, -1).getClass().getName();
            assertTrue(type.startsWith("ai.djl.training.optimizer.") || type.startsWith("introdl.train.optimizer."), type);
        }
        assertTrue(Optimizers.named("ADAM", 1e-3).build(1, 1, -1) instanceof Adam);
        assertTrue(Optimizers.named("momentum", 0.1).build(1, 1, -1) instanceof Sgd);
        assertTrue(Optimizers.named("nesterov", 0.1).build(1, 1, -1) instanceof introdl.train.optimizer.Nesterov);
    }

    @Test
    void unknownOptimiserOrBadRateIsRejectedNamingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.named("lamb", 1));
        assertTrue(e.getMessage().contains("lamb") && e.getMessage().contains("lion"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(0));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(0.1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(1e-3).weightDecay(-1));
    }

    @Test
    void specDescribesItself() {
        assertEquals("adam lr 0.00100, cosine to 0.00, weight decay 0.000100",
                Optimizers.adam(1e-3).schedule(Schedule.cosine(0)).weightDecay(1e-4).toString());
    }
}
