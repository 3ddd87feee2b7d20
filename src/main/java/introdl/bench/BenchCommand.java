package introdl.bench;

import ai.djl.engine.Engine;
import introdl.basics.Mlp;
import introdl.data.Digits;
import introdl.data.Examples;
import introdl.train.Devices;
import introdl.train.History;
import introdl.vision.Cnn;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./introdl bench}: speed and memory of the fit loop against plain DJL, on the MLP and the
 * CNN labs' models and the bundled digits. Prints figures; it asserts nothing (speed is measured,
 * never tested).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: the fit loop against plain DJL loops on the MLP and CNN labs' models, and each "
                + "lab's own speeds (--model music, generative, faces, gpt) (prints figures).")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "NAME", defaultValue = "all",
            description = "mlp, cnn, all (both), music (Lab 1's presets: training and generation speed) or "
                    + "generative (lecture 4: speed, and outlier AUROC for every digit) or faces (Lab 2: classifier and "
                    + "DB-VAE speed) or gpt (Lab 3's recipes: training tokens/s, share of the matmul peak, generation with and "
                    + "without the key-value cache) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--rounds", paramLabel = "N", description = "Timed rounds per loop (mlp, cnn); loops take turns, in a "
            + "rotating order, so drifts in machine speed hit all alike (default: 20 for the MLP, 10 for the CNN); timed "
            + "training stretches and runs of each generation for gpt (default: 5).")
    Integer rounds;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per round (default: 2 for the MLP, 1 for the CNN), timed epochs for music "
            + "(default: 2), epochs per model for generative (default: 20) and faces (default: 3).")
    Integer epochs;

    @Option(names = "--updates", paramLabel = "N", description = "Parameter updates per training stretch for gpt; one "
            + "untimed stretch warms up (default: 5).")
    Integer updates;

    @Option(names = "--recipes", paramLabel = "NAMES", split = ",", description = "GPT recipes for gpt, comma-separated "
            + "(cpu, base, course) (default: cpu,base).")
    List<String> recipes;

    @Option(names = "--context", paramLabel = "N", description = "Context length for gpt in place of each recipe's "
            + "(a short one makes a tiny run) (default: the recipe's).")
    Integer context;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64", description = "Batch size for mlp and cnn (music uses each preset's) (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Spec
    CommandSpec spec;

    private record Loop(String name, int threads, IntFunction<double[]> round) {}

    @Override
    public Integer call() {
        if (!List.of("mlp", "cnn", "all", "music", "generative", "faces", "gpt").contains(model)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown model '" + model + "'; expected mlp, cnn, all, music, generative, faces or gpt");
        }
        if (model.equals("gpt")) {
            checkGptOptions();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, %s %s on %s, %d CPU cores%n", LocalDate.now(), Engine.getInstance().getEngineName(),
                Engine.getInstance().getVersion(), Devices.describe(Devices.forTraining()),
                Runtime.getRuntime().availableProcessors());
        if (model.equals("music")) {
            MusicBenchmark.run(out, 50, epochsOr(2));
        } else if (model.equals("generative")) {
            GenerativeBenchmark.run(out, epochsOr(20));
        } else if (model.equals("faces")) {
            if (epochsOr(3) < 2) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--epochs must be at least 2 for faces: the first epoch warms up and is not timed");
            }
            FacesBenchmark.run(out, epochsOr(3));
        } else if (model.equals("gpt")) {
            GptBenchmark.run(out, recipes != null ? recipes : GptBenchmark.RECIPES, roundsOr(5),
                    updates != null ? updates : 5, context != null ? context : 0);
        } else {
            compareLoops(out);
        }
        out.printf(Locale.ROOT, "%npeak Java heap %.0f MiB, peak process RSS %.0f MiB%n", Memory.peakHeapMiB(),
                Memory.peakRssMiB());
        out.flush();
        return 0;
    }

    private void compareLoops(PrintWriter out) {
        Examples train = Digits.split(42).train();
        if (!model.equals("cnn")) {
            Mlp mlp = Mlp.of(400, 10, 256, 128).withDropout(0.1).withBatchNorm(true);
            compare(out, new LoopBenchmark(mlp.toString(), mlp::build, train, batchSize, epochsOr(2)), roundsOr(20), true);
        }
        if (!model.equals("mlp")) {
            Cnn cnn = Cnn.lecture(train.sampleShape(), 10).withBatchNorm(true).withDropout(0.3);
            compare(out, new LoopBenchmark(cnn.toString(), cnn::build, train, batchSize, epochsOr(1)), roundsOr(10), false);
        }
    }

    private void checkGptOptions() {
        if (roundsOr(5) < 1 || (updates != null && updates < 1) || (context != null && context < 2)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--rounds and --updates must be at least 1, --context at least 2");
        }
        for (String name : recipes != null ? recipes : GptBenchmark.RECIPES) {
            try {
                introdl.language.GptRecipe.named(name);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--recipes: " + e.getMessage());
            }
        }
    }

    private int roundsOr(int fallback) {
        return rounds != null ? rounds : fallback;
    }

    private int epochsOr(int fallback) {
        return epochs != null ? epochs : fallback;
    }

    /**
     * Times the loops on one model. The full comparison adds the loss-only pair and the fit loop
     * at the thread count it did not choose.
     */
    private void compare(PrintWriter out, LoopBenchmark bench, int roundCount, boolean full) {
        int auto = bench.autoThreads();
        int other = auto == 1 ? Runtime.getRuntime().availableProcessors() : 1;
        List<Loop> loops = new ArrayList<>();
        loops.add(new Loop("introdl Fit (loss + accuracy)", auto, seed -> bench.kit(auto, true, seed)));
        loops.add(new Loop("plain DJL (loss + accuracy)", auto, seed -> bench.plain(auto, true, seed)));
        loops.add(new Loop("DJL ArrayDataset + EasyTrain", auto, seed -> bench.idiomatic(auto, seed)));
        if (full) {
            loops.add(new Loop("introdl Fit (loss only)", auto, seed -> bench.kit(auto, false, seed)));
            loops.add(new Loop("plain DJL (loss only)", auto, seed -> bench.plain(auto, false, seed)));
            if (other != auto) {
                loops.add(new Loop("introdl Fit (loss + accuracy)", other, seed -> bench.kit(other, true, seed)));
            }
        }
        out.printf(Locale.ROOT, "%n%s on %d bundled digits, batch %d, Adam; %d rounds of %d epochs per loop, "
                + "loops taking turns; median over all timed epochs; the fit loop chooses %d thread(s)%n%n",
                bench.description(), bench.train().size(), batchSize, roundCount, bench.epochs(), auto);
        for (Loop loop : loops) {
            loop.round().apply(0); // warm-up: JIT, native library, allocator
        }
        double[][] epochSeconds = new double[loops.size()][];
        double[][] roundMeans = new double[loops.size()][roundCount];
        for (int r = 1; r <= roundCount; r++) {
            for (int k = 0; k < loops.size(); k++) {
                int l = (k + r) % loops.size();
                double[] seconds = loops.get(l).round().apply(r);
                epochSeconds[l] = concat(epochSeconds[l], seconds);
                roundMeans[l][r - 1] = Arrays.stream(seconds).average().orElseThrow();
            }
        }
        out.printf(Locale.ROOT, "%-32s %7s %12s %11s%n", "loop", "threads", "samples/s", "epoch (ms)");
        for (int l = 0; l < loops.size(); l++) {
            double median = median(epochSeconds[l]);
            out.printf(Locale.ROOT, "%-32s %7d %,12.0f %11.1f%n", loops.get(l).name(), loops.get(l).threads(),
                    bench.train().size() / median, 1000 * median);
        }
        out.println();
        out.printf(Locale.ROOT, "time of the fit loop over plain DJL doing the same work (median of per-round ratios): "
                + "%+.1f%% (loss + accuracy)%s%n", 100 * (pairedRatio(roundMeans, 0, 1) - 1),
                full ? String.format(Locale.ROOT, ", %+.1f%% (loss only)", 100 * (pairedRatio(roundMeans, 3, 4) - 1)) : "");
        out.printf(Locale.ROOT, "fit loop against DJL's ArrayDataset + EasyTrain loop: %.2fx its speed%n",
                pairedRatio(roundMeans, 2, 0));
        if (loops.size() > 5) {
            out.printf(Locale.ROOT, "fit loop at %d thread(s) (its choice) against %d: %.2fx the speed%n", auto, other,
                    pairedRatio(roundMeans, 5, 0));
        }
        out.printf(Locale.ROOT, "process RSS now %.0f MiB%n", Memory.rssMiB());
        out.flush();
    }

    /**
     * The median over rounds of loop a's time over loop b's in the same round: the two ran
     * minutes apart at most, so slow drifts in the machine's speed cancel.
     */
    static double pairedRatio(double[][] roundMeans, int a, int b) {
        double[] ratios = new double[roundMeans[a].length];
        for (int r = 0; r < ratios.length; r++) {
            ratios[r] = roundMeans[a][r] / roundMeans[b][r];
        }
        return median(ratios);
    }

    private static double[] concat(double[] a, double[] b) {
        if (a == null) {
            return b.clone();
        }
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Seconds of each epoch after the first (the untimed warm-up), from the fit loop's own clock. */
    static double[] afterWarmUp(History history) {
        return history.epochs().stream().skip(1).mapToDouble(e -> e.get(History.SECONDS)).toArray();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
