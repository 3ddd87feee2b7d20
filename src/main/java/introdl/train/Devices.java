package introdl.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Chooses where to train: every GPU the engine reports, else the CPU. The choice is logged once. */
public final class Devices {
    private static final Logger LOG = LogManager.getLogger(Devices.class);
    private static final AtomicBoolean LOGGED = new AtomicBoolean();

    private Devices() {}

    /** Every GPU the engine reports, or the CPU if there is none. */
    public static Device[] forTraining() {
        Engine engine = Engine.getInstance();
        Device[] devices = engine.getDevices();
        if (LOGGED.compareAndSet(false, true)) {
            LOG.info("{} {}: training on {}", engine.getEngineName(), engine.getVersion(), describe(devices));
        }
        return devices;
    }

    /**
     * Lets the next call log the choice again, as in a new process: the notebook runner calls it
     * before each notebook, since IJava gives each notebook a fresh kernel (and tests call it).
     */
    public static void forgetLogged() {
        LOGGED.set(false);
    }

    /** The first training device: where models and data are placed. */
    public static Device main() {
        return forTraining()[0];
    }

    /** "cpu()" or "2 GPUs: gpu(0), gpu(1)". */
    public static String describe(Device[] devices) {
        if (devices.length == 1) {
            return devices[0].isGpu() ? "1 GPU: " + devices[0] : devices[0] + " (no GPU found)";
        }
        return devices.length + " GPUs: " + Arrays.stream(devices).map(Device::toString).collect(Collectors.joining(", "));
    }
}
