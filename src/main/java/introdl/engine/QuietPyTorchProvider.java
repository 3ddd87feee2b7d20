package introdl.engine;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineProvider;
import ai.djl.pytorch.engine.PtEngineProvider;

/**
 * DJL's PyTorch engine, registered so that tracking is off before the engine starts. DJL's
 * {@code Engine} loads every {@link EngineProvider} on the class path and only then calls home;
 * introdl's jar lists this provider (in {@code META-INF/services}), so loading it turns tracking off
 * ({@link Telemetry#turnOff()}) in time, whichever introdl or DJL class the user touches first. It
 * hands out the very same PyTorch engine as DJL's own provider (same name, rank and instance), so
 * which of the two DJL registers makes no difference.
 */
public final class QuietPyTorchProvider implements EngineProvider {
    static {
        Telemetry.turnOff();
    }

    private final PtEngineProvider pytorch = new PtEngineProvider();

    @Override
    public String getEngineName() {
        return pytorch.getEngineName();
    }

    @Override
    public int getEngineRank() {
        return pytorch.getEngineRank();
    }

    @Override
    public Engine getEngine() {
        return pytorch.getEngine();
    }
}
