package introdl.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import introdl.data.Shakespeare;
import introdl.language.Corpus;
import introdl.language.Generator;
import introdl.language.GptConfig;
import introdl.language.GptRecipe;
import introdl.language.LanguageModel;
import introdl.language.Pretraining;
import introdl.language.Sampling;
import introdl.train.Devices;
import introdl.train.Fit;
import introdl.train.History;
import introdl.train.Threads;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Lab 3's speed for the GPT recipes on Tiny Shakespeare characters: training tokens per second
 * through the real fit loop (each recipe's AdamW, clipping and schedule; no validation while
 * timed), what share of the machine's measured matmul throughput that is (6 x parameters x
 * tokens/s against a large float32 matmul through DJL at the same thread count), and generation
 * tokens per second with and without the key-value cache, up to the context and past it.
 */
final class GptBenchmark {
    /** The recipes timed by default: nanoGPT's CPU configuration and the shipped base model's. */
    static final List<String> RECIPES = List.of("cpu", "base");
    /** The side of the square float32 matmul that stands for the machine's arithmetic peak. */
    static final int MATMUL = 1024;
    /** The most tokens (k) over which the per-token cost is averaged at the start and at the end of the context. */
    private static final int PER_TOKEN = 16;
    private static final Sampling SAMPLING = Sampling.temperature(1);

    private GptBenchmark() {}

    /** A recipe's figures. */
    private record Row(GptRecipe recipe, GptConfig config, int threads, Spread msPerUpdate, Spread tokensPerSecond,
            int generationThreads, int perToken, Map<String, Double> generation) {}

    /** The median of some rounds and their range. */
    record Spread(double median, double min, double max) {
        static Spread of(double[] values) {
            return new Spread(BenchCommand.median(values), Arrays.stream(values).min().orElseThrow(),
                    Arrays.stream(values).max().orElseThrow());
        }

        String format(String number) {
            return String.format(Locale.ROOT, number + " (" + number + "-" + number + ")", median, min, max);
        }
    }

    /**
     * Prints the tables for {@code recipes}: {@code rounds} timed stretches of {@code updates}
     * parameter updates each after one untimed stretch, and {@code rounds} runs of each generation;
     * {@code contextLength}, when positive, replaces each recipe's (a short one makes a tiny run).
     */
    static void run(PrintWriter out, List<String> recipes, int rounds, int updates, int contextLength) {
        String text = Shakespeare.text();
        out.printf(Locale.ROOT, "%nLab 3 (GPT) on Tiny Shakespeare characters (%,d): training through the fit loop with "
                + "each recipe's AdamW, clipping and schedule, no validation; an untimed stretch of %d update(s), then %d "
                + "timed stretch(es) of %d; median (min-max) over stretches%n%n", text.length(), updates, rounds, updates);
        out.printf(Locale.ROOT, "%-6s %-40s %10s %7s %6s %28s %26s%n", "recipe", "model", "parameters", "threads",
                "tokens", "train tokens/s", "ms per update");
        List<Row> rows = new ArrayList<>();
        for (String name : recipes) {
            GptRecipe named = GptRecipe.named(name);
            GptRecipe recipe = contextLength > 0 ? new GptRecipe(named.name(), named.config().withContext(contextLength),
                    named.pretraining(), named.tokens()) : named;
            Row row = measure(recipe, text, rounds, updates);
            rows.add(row);
            GptConfig c = row.config();
            out.printf(Locale.ROOT, "%-6s %-40s %10s %7d %6d %28s %26s%n", recipe.name(),
                    String.format(Locale.ROOT, "%d layers, %d heads, width %d, context %d", c.layers(), c.heads(),
                            c.width(), c.context()),
                    String.format(Locale.ROOT, "%,d", c.parameterCount()), row.threads(), tokensPerUpdate(row),
                    row.tokensPerSecond().format("%,.0f"), row.msPerUpdate().format("%.1f"));
            out.flush();
        }

        Map<Integer, Double> matmul = new LinkedHashMap<>();
        for (Row row : rows) {
            matmul.computeIfAbsent(row.threads(), threads -> matmulGflops(threads, Math.max(3, 2 * rounds)));
        }
        out.printf(Locale.ROOT, "%nArithmetic: 6 x parameters x tokens/s (the standard training count, attention "
                + "scores left out) against a %dx%d @ %dx%d float32 matmul through DJL at the same threads (median of "
                + "%d)%n%n", MATMUL, MATMUL, MATMUL, MATMUL, Math.max(3, 2 * rounds));
        out.printf(Locale.ROOT, "%-6s %7s %16s %15s %16s%n", "recipe", "threads", "training GFLOP/s", "matmul GFLOP/s",
                "share of matmul");
        for (Row row : rows) {
            double training = 6.0 * row.config().parameterCount() * row.tokensPerSecond().median() / 1e9;
            double peak = matmul.get(row.threads());
            out.printf(Locale.ROOT, "%-6s %7d %16.2f %15.1f %15.1f%%%n", row.recipe().name(), row.threads(), training,
                    peak, 100 * training / peak);
        }

        out.printf(Locale.ROOT, "%nGeneration: batch 1, temperature 1, from one token, after a warm-up; median of %d "
                + "run(s); past the context the uncached model reruns the last context tokens for each, the cache "
                + "restarts from half the context when full%n%n", rounds);
        out.printf(Locale.ROOT, "%-6s %7s %-16s %16s %18s %14s%n", "recipe", "threads", "tokens", "cached tokens/s",
                "uncached tokens/s", "cached speedup");
        for (Row row : rows) {
            int context = row.config().context();
            for (int n : new int[] {context, 4 * context}) {
                double cached = n / row.generation().get("cached " + n);
                double uncached = n / row.generation().get("uncached " + n);
                out.printf(Locale.ROOT, "%-6s %7d %-16s %,16.0f %,18.0f %13.2fx%n", row.recipe().name(),
                        row.generationThreads(), n + (n == context ? " (context)" : " (4 x context)"), cached, uncached,
                        cached / uncached);
            }
        }
        out.printf(Locale.ROOT, "%nms per generated token along the 4 x context run, from the time between two "
                + "draws of the next token: the first k tokens, the k that fill the context, and all those past it (the "
                + "uncached cost grows with the length up to the context, the cached one stays flat)%n%n");
        out.printf(Locale.ROOT, "%-6s %-9s %3s %14s %18s %16s%n", "recipe", "cache", "k", "at the start",
                "at the context end", "past the context");
        for (Row row : rows) {
            for (String cache : new String[] {"cached", "uncached"}) {
                out.printf(Locale.ROOT, "%-6s %-9s %3d %14.2f %18.2f %16.2f%n", row.recipe().name(), cache,
                        row.perToken(), 1000 * row.generation().get(cache + " start"),
                        1000 * row.generation().get(cache + " end"), 1000 * row.generation().get(cache + " past"));
            }
        }
        out.printf(Locale.ROOT, "process RSS now %.0f MiB%n", Memory.rssMiB());
        out.flush();
    }

    private static int tokensPerUpdate(Row row) {
        return row.recipe().pretraining().batchSize() * row.config().context();
    }

    private static Row measure(GptRecipe recipe, String text, int rounds, int updates) {
        Corpus corpus = Corpus.of("Tiny Shakespeare", text, recipe.tokenizer(text), 0.9);
        Pretraining plan = recipe.pretraining().withUpdates(updates * (rounds + 1), rounds + 1);
        try (LanguageModel model = LanguageModel.create(recipe.config(), corpus.tokenizer(), 1)) {
            GptConfig config = model.config();
            int context = config.context();
            int batch = plan.batchSize();
            int threads = Threads.forModel(model.gpt(), batch);
            History history = plan.configure(Fit.of(model.model()).seed(1).quiet(), null)
                    .run(corpus.trainingWindows(context, Math.max(1, context / 4), 1));
            double[] seconds = BenchCommand.afterWarmUp(history);
            Spread ms = Spread.of(Arrays.stream(seconds).map(s -> 1000 * s / updates).toArray());
            Spread rate = Spread.of(Arrays.stream(seconds).map(s -> (double) updates * batch * context / s).toArray());
            int perToken = Math.max(1, Math.min(PER_TOKEN, context / 4));
            return new Row(recipe, config, threads, ms, rate, Threads.get(), perToken,
                    generation(model.generator(), context, perToken, rounds));
        }
    }

    /**
     * Median seconds of each generation from one token: "cached N" and "uncached N" for N =
     * context and 4 x context; and per token along the 4 x context run, "cached start" (its first
     * {@code k} tokens), "cached end" (the {@code k} that fill the context), "cached past" (the
     * rest), likewise uncached. Cached and uncached runs take turns, so drifts hit both alike.
     */
    private static Map<String, Double> generation(Generator generator, int context, int k, int rounds) {
        int[] prompt = generator.promptIds("");
        for (boolean cache : new boolean[] {true, false}) {
            generator.generate(prompt, 2 * context, SAMPLING, new Random(0), cache); // warm-up
        }
        Map<String, double[]> rounded = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (boolean cache : new boolean[] {true, false}) {
                String kind = cache ? "cached " : "uncached ";
                rounds(rounded, kind + context, rounds)[r] = seconds(generator, prompt, context, new Random(r), cache);
                StepClock clock = new StepClock(r);
                rounds(rounded, kind + 4 * context, rounds)[r] = seconds(generator, prompt, 4 * context, clock, cache);
                double[] steps = clock.stepSeconds(4 * context);
                // step i draws the token after 1 + i tokens; step 0 also reads the prompt
                rounds(rounded, kind + "start", rounds)[r] = mean(steps, 1, 1 + k);
                rounds(rounded, kind + "end", rounds)[r] = mean(steps, context - k, context);
                rounds(rounded, kind + "past", rounds)[r] = mean(steps, context, 4 * context);
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        rounded.forEach((key, values) -> medians.put(key, BenchCommand.median(values)));
        return medians;
    }

    private static double[] rounds(Map<String, double[]> rounded, String key, int rounds) {
        return rounded.computeIfAbsent(key, unused -> new double[rounds]);
    }


    private static double mean(double[] values, int from, int to) {
        return Arrays.stream(values, Math.max(1, Math.min(from, to - 1)), to).average().orElseThrow();
    }

    private static double seconds(Generator generator, int[] prompt, int count, Random random, boolean cache) {
        long begin = System.nanoTime();
        int[] ids = generator.generate(prompt, count, SAMPLING, random, cache);
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (ids.length != count) {
            throw new IllegalStateException("generated " + ids.length + " tokens, asked for " + count);
        }
        return seconds;
    }

    /**
     * A seeded random source that notes the time of every draw: sampling at a temperature draws
     * once per generated token, after the model's forward pass, so the times between draws are
     * the times of the steps.
     */
    private static final class StepClock extends Random {
        private final List<Long> draws = new ArrayList<>();

        StepClock(long seed) {
            super(seed);
        }

        @Override
        public double nextDouble() {
            draws.add(System.nanoTime());
            return super.nextDouble();
        }

        /** Seconds of each step from the second on (index 0 is left at 0: it includes the prompt). */
        double[] stepSeconds(int steps) {
            if (draws.size() != steps) {
                throw new IllegalStateException("sampling drew " + draws.size() + " times for " + steps + " tokens; the "
                        + "step clock needs one draw a token");
            }
            double[] seconds = new double[steps];
            for (int i = 1; i < steps; i++) {
                seconds[i] = (draws.get(i) - draws.get(i - 1)) / 1e9;
            }
            return seconds;
        }
    }

    /**
     * GFLOP/s of a {@link #MATMUL}-square float32 matmul through DJL on the training device at
     * {@code threads} threads (median of {@code rounds} after a warm-up): 2 n^3 flops each.
     */
    static double matmulGflops(int threads, int rounds) {
        Device device = Devices.forTraining()[0];
        int before = Threads.get();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            if (!device.isGpu()) {
                Threads.set(threads);
            }
            NDArray a = manager.randomUniform(-1, 1, new Shape(MATMUL, MATMUL));
            NDArray b = manager.randomUniform(-1, 1, new Shape(MATMUL, MATMUL));
            IntSupplier once = () -> {
                try (NDManager step = manager.newSubManager()) {
                    NDArray c = a.matMul(b);
                    c.attach(step);
                    return Float.isFinite(c.getFloat(0, 0)) ? 1 : 0; // reading a value waits for a GPU too
                }
            };
            once.getAsInt();
            once.getAsInt();
            double[] seconds = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long begin = System.nanoTime();
                once.getAsInt();
                seconds[r] = (System.nanoTime() - begin) / 1e9;
            }
            return 2.0 * MATMUL * MATMUL * MATMUL / BenchCommand.median(seconds) / 1e9;
        } finally {
            Threads.set(before);
        }
    }
}
