package introdl.lab;

import ai.djl.engine.Engine;
import introdl.data.DataDirectory;
import introdl.data.DataUnavailableException;
import introdl.data.InvalidDataException;
import introdl.report.HtmlReport;
import introdl.report.RunFolder;
import introdl.train.Devices;
import introdl.train.History;
import introdl.train.TrainingDivergedException;
import java.io.PrintWriter;
import org.apache.logging.log4j.Level;
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
        if (quiet) {
            Configurator.setLevel("introdl", Level.WARN);
        }
        if (resume != null) {
            return resumeRun();
        }
        checkOptions();
        RunFolder folder = RunFolder.create(runsDir, spec.name());
        folder.writeConfig(config(labArgs()));
        return execute(folder);
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
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (!List.of("--resume", "--runs", "--quiet", "--data").contains(option.longestName())) {
                extra.add(option.longestName());
            }
        }
        if (!extra.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--resume continues a run with the settings it was "
                    + "started with; leave out " + String.join(", ", extra));
        }
        RunFolder folder = resume.isEmpty()
                ? RunFolder.latest(runsDir, spec.name()).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "there is no run of '" + spec.name() + "' in " + runsDir + " to resume"))
                : openForResume(Path.of(resume));
        if (!Files.exists(folder.file(LabRun.CHECKPOINT))) {
            say("No checkpoint in %s yet (the run stopped before its first epoch ended): starting it again there.",
                    folder);
        }
        @SuppressWarnings("unchecked")
        List<String> args = (List<String>) folder.readConfig().getOrDefault("args", List.of());
        Lab original = getClass().getDeclaredConstructor().newInstance();
        Converters.commandLine(original).parseArgs(args.toArray(String[]::new));
        original.spec = spec;
        original.quiet = quiet;
        if (dataDir != null) {
            original.dataDir = dataDir;
        }
        original.checkOptions();
        original.say("Resuming %s", folder);
        return original.execute(folder);
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
        if (dataDir != null) {
            System.setProperty(DataDirectory.PROPERTY, dataDir.toString());
        }
        try {
            run(new LabRun(folder, seed, quick, quiet, spec.commandLine().getOut()));
            say("Run folder: %s (open index.html)", folder);
            return 0;
        } catch (TrainingDivergedException e) {
            return fail(folder, e.getMessage(), e.history(), "A resumed run keeps its settings, so start a new run "
                    + "with other ones (a smaller --lr, say).");
        } catch (DataUnavailableException | InvalidDataException | IllegalStateException | IllegalArgumentException
                | UnsupportedOperationException e) {
            // what a student can fix (a missing or damaged file, a checkpoint of another run, a model that
            // does not fit the data) gets its message, not a stack trace
            return fail(folder, e.getMessage(), null, "");
        }
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

    /** Writes the failure into index.html, or into failure.html if the run already has a report. */
    private Path writeFailureReport(RunFolder folder, String message, History history) {
        Path index = folder.file("index.html");
        Path target = Files.exists(index) ? folder.file("failure.html") : index;
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
