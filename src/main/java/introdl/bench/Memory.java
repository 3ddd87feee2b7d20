package introdl.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak memory figures of this JVM process: Java heap and resident set size (native included). */
final class Memory {
    private Memory() {}

    /** Peak Java heap in use since start (sum of the heap pools' peaks), in MiB. */
    static double peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1048576.0;
    }

    /** Peak resident set size of the process (Linux VmHWM), in MiB, or NaN where unknown. */
    static double peakRssMiB() {
        return procStatus("VmHWM:");
    }

    /** Current resident set size (Linux VmRSS), in MiB, or NaN where unknown. */
    static double rssMiB() {
        return procStatus("VmRSS:");
    }

    private static double procStatus(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
