package introdl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class TelemetryTest {
    @Test
    void turnsTrackingOffUnlessTheUserChose() {
        assumeTrue(System.getenv(Telemetry.SWITCH) == null, "the environment already sets " + Telemetry.SWITCH);
        String before = System.getProperty(Telemetry.SWITCH);
        try {
            System.clearProperty(Telemetry.SWITCH);
            Telemetry.turnOff();
            assertEquals("true", System.getProperty(Telemetry.SWITCH));
            System.setProperty(Telemetry.SWITCH, "false");
            Telemetry.turnOff();
            assertEquals("false", System.getProperty(Telemetry.SWITCH), "a user who opted in keeps their choice");
        } finally {
            if (before == null) {
                System.clearProperty(Telemetry.SWITCH);
            } else {
                System.setProperty(Telemetry.SWITCH, before);
            }
        }
    }

    @Test
    void theQuietProviderHandsOutDjlsOwnPyTorchEngine() {
        QuietPyTorchProvider provider = new QuietPyTorchProvider();
        assertEquals("PyTorch", provider.getEngineName());
        assertEquals(Engine.getEngine("PyTorch"), provider.getEngine(), "one engine, whichever provider DJL keeps");
    }
}
