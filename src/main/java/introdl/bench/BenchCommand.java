package introdl.bench;

import ai.djl.engine.Engine;
import introdl.basics.Mlp;
import introdl.data.Digits;
import introdl.data.Examples;
import introdl.train.Devices;
import introdl.train.Threads;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./introdl bench}: speed and memory of the fit loop against plain DJL on the lab's MLP
 * and the bundled digits. Prints figures; it asserts nothing (speed is measured, never tested).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: the fit loop against plain DJL loops on the MLP lab's model (prints figures).")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds per loop, alternating loops (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs per round (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Spec
    CommandSpec spec;

    private record Loop(String name, int threads, IntFunction<double[]> round) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Examples train = Digits.split(42).train();
        Mlp mlp = Mlp.of(400, 10, 256, 128).withDropout(0.1).withBatchNorm(true);
        MlpBenchmark bench = new MlpBenchmark(mlp, train, batchSize, epochs);
        int cores = Runtime.getRuntime().availableProcessors();
        List<Loop> loops = new ArrayList<>();
        for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            loops.add(new Loop("introdl Fit", threads, seed -> bench.kit(threads, seed)));
            loops.add(new Loop("plain DJL loop", threads, seed -> bench.plain(threads, seed)));
            loops.add(new Loop("DJL ArrayDataset + EasyTrain", threads, seed -> bench.idiomatic(threads, seed)));
        }
        out.printf(Locale.ROOT, "%s, %s %s on %s, %d CPU cores%n", LocalDate.now(), Engine.getInstance().getEngineName(),
                Engine.getInstance().getVersion(), Devices.describe(Devices.forTraining()), cores);
        out.printf(Locale.ROOT, "%s on %d bundled digits, batch %d, Adam; %d rounds of %d epochs per loop, "
                + "loops alternating; median over all timed epochs%n%n", mlp, train.size(), batchSize, rounds, epochs);
        for (Loop loop : loops) {
            loop.round().apply(0); // warm-up: JIT, native library, allocator
        }
        double[][] epochSeconds = new double[loops.size()][];
        for (int r = 1; r <= rounds; r++) {
            for (int l = 0; l < loops.size(); l++) {
                epochSeconds[l] = concat(epochSeconds[l], loops.get(l).round().apply(r));
            }
        }
        out.printf(Locale.ROOT, "%-30s %7s %12s %11s%n", "loop", "threads", "samples/s", "epoch (ms)");
        double[] medians = new double[loops.size()];
        for (int l = 0; l < loops.size(); l++) {
            medians[l] = median(epochSeconds[l]);
            out.printf(Locale.ROOT, "%-30s %7d %,12.0f %11.1f%n", loops.get(l).name(), loops.get(l).threads(),
                    train.size() / medians[l], 1000 * medians[l]);
        }
        out.println();
        for (int l = 0; l < loops.size(); l += 3) {
            out.printf(Locale.ROOT, "%d thread(s): introdl Fit / plain DJL loop = %.3f (%+.1f%% time); "
                    + "/ ArrayDataset + EasyTrain = %.3f%n", loops.get(l).threads(), medians[l] / medians[l + 1],
                    100 * (medians[l] / medians[l + 1] - 1), medians[l] / medians[l + 2]);
        }
        out.printf(Locale.ROOT, "the fit loop picks %d thread(s) for this model%n",
                Threads.forWork(3L * mlpWeights(mlp) * batchSize));
        out.printf(Locale.ROOT, "peak Java heap %.0f MiB, peak process RSS %.0f MiB%n", Memory.peakHeapMiB(),
                Memory.peakRssMiB());
        out.flush();
        return 0;
    }

    private static long mlpWeights(Mlp mlp) {
        long weights = 0;
        int in = mlp.inputs();
        for (int width : mlp.hidden()) {
            weights += (long) in * width + width;
            in = width;
        }
        return weights + (long) in * mlp.classes() + mlp.classes();
    }

    private static double[] concat(double[] a, double[] b) {
        if (a == null) {
            return b.clone();
        }
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
