package introdl.lab;

import ai.djl.Model;
import introdl.data.DataDirectory;
import introdl.report.HtmlReport;
import introdl.report.RunFolder;
import introdl.train.Fit;
import introdl.train.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a lab program gets when it runs: its run folder, the common options (seed, quick mode,
 * quiet), and a fit loop already wired to the folder (checkpoint after every epoch, resume,
 * history.csv kept up to date).
 */
public final class LabRun {
    /** The checkpoint file in every run folder. */
    public static final String CHECKPOINT = "checkpoint.zip";
    /** The history file in every run folder. */
    public static final String HISTORY = "history.csv";

    private final RunFolder folder;
    private final long seed;
    private final boolean quick;
    private final boolean quiet;
    private final PrintWriter out;
    private final boolean newLearningRate;
    private final DataDirectory data;
    private final List<String> warnings = new ArrayList<>();

    LabRun(RunFolder folder, long seed, boolean quick, boolean quiet, PrintWriter out, boolean newLearningRate,
            DataDirectory data) {
        this.data = data;
        this.folder = folder;
        this.seed = seed;
        this.quick = quick;
        this.quiet = quiet;
        this.out = out;
        this.newLearningRate = newLearningRate;
    }

    public RunFolder folder() {
        return folder;
    }

    /** A file in the run folder. */
    public Path file(String name) {
        return folder.file(name);
    }

    /** Where the lab reads datasets: its {@code --data} folder, else the default ({@link DataDirectory#fromSettings()}). */
    public DataDirectory data() {
        return data;
    }

    public long seed() {
        return seed;
    }

    /** Whether the lab should make a fast smoke-test run (few epochs, little data). */
    public boolean quick() {
        return quick;
    }

    /** {@code full} normally, {@code quickValue} in quick mode. */
    public int quickOr(int quickValue, int full) {
        return quick ? quickValue : full;
    }

    /**
     * The fit loop for {@code model}, seeded, checkpointing to the run folder after every epoch,
     * resuming from the checkpoint if one is there, and rewriting history.csv as it goes.
     */
    public Fit fit(Model model) {
        return fit(model, file(CHECKPOINT), file(HISTORY));
    }

    /**
     * As {@link #fit(Model)}, for one of several models a lab trains in turn: its checkpoint and
     * history are {@code checkpoint-<stage>.zip} and {@code history-<stage>.csv}, so an
     * interrupted run resumes each model where it stopped (a finished one just reloads).
     */
    public Fit fit(Model model, String stage) {
        return fit(model, file("checkpoint-" + stage + ".zip"), file("history-" + stage + ".csv"));
    }

    private Fit fit(Model model, Path checkpoint, Path history) {
        return Fit.of(model).seed(seed)
                .checkpoint(checkpoint, true).newLearningRateOnResume(newLearningRate)
                .progress(quiet ? Progress.quiet() : Progress.console())
                .afterEpoch(h -> {
                    h.writeCsv(history);
                    h.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
                });
    }

    /** What training warned of in this run so far (a loss that exploded), for the report and the terminal. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The run's report, headed by what training warned of, so a run that went wrong says so where it is read. */
    public HtmlReport report(String title) {
        return HtmlReport.titled(title).warnings(this::warnings);
    }

    /** Prints a line for the student (unless quiet). */
    public void say(String format, Object... args) {
        say(out, quiet, format, args);
    }

    static void say(PrintWriter out, boolean quiet, String format, Object... args) {
        if (!quiet) {
            out.println(String.format(java.util.Locale.ROOT, format, args));
            out.flush();
        }
    }
}
