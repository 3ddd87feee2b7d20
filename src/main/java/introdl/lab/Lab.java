package introdl.lab;

import ai.djl.engine.Engine;
import introdl.data.DataDirectory;
import introdl.data.DataUnavailableException;
import introdl.data.InvalidDataException;
import introdl.io.AtomicFiles;
import introdl.report.HtmlReport;
import introdl.report.RunFolder;
import introdl.train.CheckpointException;
import introdl.train.Devices;
import introdl.train.History;
import introdl.train.TrainingDivergedException;
import java.io.PrintWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The base of every lab program: the options all labs share (seed, quick mode, run folder,
 * resume, data folder), the run folder with its config, and clear messages instead of stack
 * traces for the errors a student can fix. A lab subclass declares its own options with picocli
 * and implements {@link #run(LabRun)}.
 */
public abstract class Lab implements Callable<Integer> {
    /** Exit code of a lab that failed for a reason the message explains. */
    public static final int FAILED = 1;
    /** The file in the run folder that keeps the stack trace of an internal error. */
    public static final String ERROR_LOG = "error.log";

    @Option(names = "--seed", defaultValue = "42", description = "Random seed: the same seed gives the same run on CPU (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quick", description = "A fast smoke-test run: few epochs, little data.")
    boolean quick;

    @Option(names = "--runs", defaultValue = "runs", paramLabel = "DIR", description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--resume", arity = "0..1", fallbackValue = "", paramLabel = "RUN",
            description = "Continue the latest run of this lab (or the run folder RUN) from its last checkpoint, with its own settings.")
    String resume;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder holding datasets (mnist/, fashion-mnist/, ...); default: $" + DataDirectory.ENV + ".")
    Path dataDir;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /**
     * The options a resume may change: the learning rate, so that a run that diverged continues
     * from its last good checkpoint with a smaller one instead of replaying the divergence.
     */
    static final List<String> CHANGEABLE_ON_RESUME = List.of("--lr", "--learning-rate");

    /** Whether this resumed run was given a new learning rate (its checkpoint's optimiser settings differ). */
    boolean rateChanged;

    /** The lab's work: train, evaluate, and write its outputs into the run folder. */
    protected abstract void run(LabRun run) throws Exception;

    /**
     * Checks the lab's option values before any run folder is made; an IllegalArgumentException
     * here is a usage error (exit code 2). Labs build their definitions here (model, optimiser).
     */
    protected void validate() {}

    /** Throws IllegalArgumentException unless {@code value} is at least 1. */
    protected static void requirePositive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
    }

    @Override
    public final Integer call() throws Exception {
        // --quiet quietens introdl's log for this run only: a notebook or test suite that runs a lab keeps its own
        Level levelBefore = LogManager.getLogger("introdl").getLevel();
        if (quiet) {
            Configurator.setLevel("introdl", Level.WARN);
        }
        try {
            if (resume != null) {
                return resumeRun();
            }
            checkOptions();
            // the settings are gathered first (starting the engine takes seconds), so the folder is made with them
            RunFolder folder = RunFolder.create(runsDir, spec.name(), config(labArgs()));
            return execute(folder);
        } finally {
            if (quiet) {
                Configurator.setLevel("introdl", levelBefore);
            }
        }
    }

    private void checkOptions() {
        try {
            validate();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The arguments given to this lab, without the launcher's part before the lab's name. */
    private List<String> labArgs() {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        int name = all.indexOf(spec.name());
        return List.copyOf(all.subList(name + 1, all.size()));
    }

    private int resumeRun() throws Exception {
        List<String> extra = new ArrayList<>();
        List<String> newRate = new ArrayList<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (CHANGEABLE_ON_RESUME.contains(option.longestName())) {
                newRate.add(option.longestName());
                newRate.add(option.stringValues().get(option.stringValues().size() - 1));
            } else if (!List.of("--resume", "--runs", "--quiet", "--data").contains(option.longestName())) {
                extra.add(option.longestName());
            }
        }
        if (!extra.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--resume continues a run with the settings it was "
                    + "started with; leave out " + String.join(", ", extra) + (hasRateOption()
                            ? " (only the learning rate, " + rateOption() + ", may change)" : ""));
        }
        RunFolder folder = resume.isEmpty() ? latestRun() : openForResume(Path.of(resume));
        if (!Files.exists(folder.file(LabRun.CHECKPOINT)) && !hasStageCheckpoints(folder)) {
            say("No checkpoint in %s yet (the run stopped before its first epoch ended): starting it again there.",
                    folder);
        }
        Map<String, Object> config = folder.readConfig();
        @SuppressWarnings("unchecked")
        List<String> args = withOptions((List<String>) config.getOrDefault("args", List.of()), newRate);
        Lab original = getClass().getDeclaredConstructor().newInstance();
        try {
            Converters.commandLine(original).parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        original.spec = spec;
        original.quiet = quiet;
        if (dataDir != null) {
            original.dataDir = dataDir;
        }
        original.checkOptions();
        AtomicFiles.removeLeftovers(folder.dir());
        if (!newRate.isEmpty()) {
            config.put("args", args);
            config.put("resumed with", String.join(" ", newRate) + " at " + OffsetDateTime.now());
            folder.writeConfig(config);
            original.rateChanged = true;
            original.say("Resuming %s with %s", folder, String.join(" ", newRate));
        } else {
            original.say("Resuming %s", folder);
        }
        return original.execute(folder);
    }

    /**
     * The run the user means by "the latest": the newest folder, even one without its settings
     * (a run killed before it wrote them, by an older introdl), which is then refused by name
     * rather than passed over for an older run.
     */
    private RunFolder latestRun() {
        Path newest = RunFolder.newest(runsDir, spec.name()).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "there is no run of '" + spec.name() + "' in " + runsDir + " to resume"));
        if (!Files.isRegularFile(newest.resolve(RunFolder.CONFIG))) {
            String older = RunFolder.latest(runsDir, spec.name()).map(r -> "; to resume the run before it, name it: "
                    + "--resume " + r.dir()).orElse("");
            throw new ParameterException(spec.commandLine(), "the latest run of '" + spec.name() + "', " + newest
                    + ", was stopped before it saved its settings (it has no " + RunFolder.CONFIG + "), so it cannot "
                    + "be resumed: start it again with its options, or delete the folder" + older);
        }
        return RunFolder.open(newest);
    }

    private static boolean hasStageCheckpoints(RunFolder folder) {
        try (var files = Files.list(folder.dir())) {
            return files.anyMatch(f -> f.getFileName().toString().matches("checkpoint-.+\\.zip"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** {@code args} with each option in {@code replacements} (name, value, name, value ...) given the new value. */
    static List<String> withOptions(List<String> args, List<String> replacements) {
        List<String> result = new ArrayList<>(args);
        for (int r = 0; r < replacements.size(); r += 2) {
            String name = replacements.get(r);
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).equals(name) && i + 1 < result.size()) {
                    result.remove(i + 1);
                    result.remove(i--);
                } else if (result.get(i).startsWith(name + "=")) {
                    result.remove(i--);
                }
            }
            result.add(name);
            result.add(replacements.get(r + 1));
        }
        return result;
    }

    /** Whether this lab has a learning-rate option that a resume may change. */
    private boolean hasRateOption() {
        return rateOption() != null;
    }

    /** The name of this lab's learning-rate option, or null. */
    private String rateOption() {
        return spec.options().stream().map(OptionSpec::longestName).filter(CHANGEABLE_ON_RESUME::contains)
                .findFirst().orElse(null);
    }

    private RunFolder openForResume(Path dir) {
        try {
            RunFolder folder = RunFolder.open(dir);
            if (!folder.lab().equals(spec.name())) {
                throw new ParameterException(spec.commandLine(), dir + " is a run of '" + folder.lab()
                        + "', not of '" + spec.name() + "'");
            }
            return folder;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int execute(RunFolder folder) throws Exception {
        // the data folder is handed to the loaders through LabRun, not set as a property, so a lab run inside a
        // notebook or a test suite does not change where the next caller reads data
        DataDirectory data = dataDir != null ? DataDirectory.of(dataDir) : DataDirectory.fromSettings();
        try {
            LabRun run = new LabRun(folder, seed, quick, quiet, spec.commandLine().getOut(), rateChanged, data);
            run(run);
            PrintWriter err = spec.commandLine().getErr();
            run.warnings().forEach(w -> err.println("introdl " + spec.name() + ": warning: " + w));
            err.flush();
            say("Run folder: %s (open index.html)", folder);
            return 0;
        } catch (TrainingDivergedException e) {
            return fail(folder, e.getMessage(), e.history(), divergenceAdvice(folder, e));
        } catch (DataUnavailableException | InvalidDataException | CheckpointException | LabException e) {
            // what a student can fix (a missing or damaged file, a checkpoint of another run, an option that
            // does not fit the data) gets its message, not a stack trace
            return fail(folder, e.getMessage(), null, "");
        } catch (RuntimeException e) {
            return internalError(folder, e);
        }
    }

    /**
     * Anything else is a fault in introdl or DJL, not in the user's settings: said as such, with
     * the stack trace kept in the run folder ({@value #ERROR_LOG}, and the failure report) to report.
     */
    private int internalError(RunFolder folder, RuntimeException e) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        Path log = AtomicFiles.writeString(folder.file(ERROR_LOG), trace.toString());
        HtmlReport.titled(spec.name() + ": an internal error").paragraph("The run stopped on an error in introdl "
                + "or DJL, not in its settings: " + e).paragraph("Please report it with this trace (also in "
                + ERROR_LOG + ").").preformatted(trace.toString()).write(failureReportFile(folder));
        PrintWriter err = spec.commandLine().getErr();
        err.println("introdl " + spec.name() + ": internal error (a fault in introdl or DJL, not in your settings): "
                + e);
        err.println("Its stack trace is in " + log + "; please report it. What the run wrote is in " + folder + ".");
        err.flush();
        return FAILED;
    }

    /** How to go on after a divergence: from the last good checkpoint with a tenth of the rate, where the lab has the option. */
    private String divergenceAdvice(RunFolder folder, TrainingDivergedException e) {
        String option = rateOption();
        if (option == null || e.checkpoint() == null || !(e.learningRate() > 0)) {
            return "Start a new run with other settings.";
        }
        return String.format(java.util.Locale.ROOT, "To go on from the last good checkpoint (epoch %d) with a "
                + "tenth of the learning rate: ./introdl %s --resume %s %s %s", e.lastGoodEpoch(), spec.name(),
                folder.dir(), option, plain(e.learningRate() / 10));
    }

    /** A rate as one types it: 3 significant digits, no exponent, no trailing zeros (1e-4 is "0.0001"). */
    static String plain(double rate) {
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.3g", rate)).stripTrailingZeros()
                .toPlainString();
    }

    private int fail(RunFolder folder, String message, History history, String advice) {
        Path report = writeFailureReport(folder, message, history);
        PrintWriter err = spec.commandLine().getErr();
        err.println("introdl " + spec.name() + ": " + message);
        err.println("What the run wrote is in " + folder + " (" + report.getFileName() + " says what happened)."
                + (advice.isEmpty() ? "" : " " + advice));
        err.flush();
        return FAILED;
    }

    /** index.html, or failure.html if the run already has a report that a failure must not overwrite. */
    private static Path failureReportFile(RunFolder folder) {
        Path index = folder.file("index.html");
        return Files.exists(index) ? folder.file("failure.html") : index;
    }

    /** Writes the failure into index.html, or into failure.html if the run already has a report. */
    private Path writeFailureReport(RunFolder folder, String message, History history) {
        Path target = failureReportFile(folder);
        HtmlReport report = HtmlReport.titled(spec.name() + ": the run failed").paragraph(message);
        if (history != null && !history.isEmpty()) {
            history.writeCsv(folder.file(LabRun.HISTORY));
            history.plotLoss(folder.file("loss.png"));
            report.image("loss.png", "Loss per epoch before the failure").csvTable(history.toCsv());
        }
        return report.write(target);
    }

    private Map<String, Object> config(List<String> originalArgs) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            if (!option.usageHelp() && !option.versionHelp() && option.getValue() != null) {
                Object value = option.getValue();
                options.put(option.longestName().replaceFirst("^--", ""),
                        value instanceof int[] ints ? java.util.Arrays.stream(ints).boxed().toList() : String.valueOf(value));
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("lab", spec.name());
        config.put("args", originalArgs);
        config.put("options", options);
        config.put("started", OffsetDateTime.now().toString());
        config.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        config.put("devices", Devices.describe(Devices.forTraining()));
        config.put("java", System.getProperty("java.version"));
        return config;
    }

    private void say(String format, Object... args) {
        LabRun.say(spec.commandLine().getOut(), quiet, format, args);
    }
}
