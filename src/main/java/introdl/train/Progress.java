package introdl.train;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What the fit loop reports while it trains. {@link #console()} draws a progress bar (epoch,
 * batch, ETA, running loss and accuracy) in a terminal and prints one line per epoch elsewhere
 * (logs, notebooks); {@link #quiet()} prints nothing, for tests.
 */
@FunctionalInterface
public interface Progress {
    /** An epoch begins. */
    default void epochStarted(int epoch, int epochs, int batches) {}

    /** A batch finished; the running figures are the means over the epoch so far (NaN if none). */
    default void batchFinished(int batch, double runningLoss, double runningAccuracy) {}

    /** An epoch finished with these figures. */
    void epochFinished(History.Epoch epoch);

    /** Training went wrong in a way that does not stop it (a loss that exploded): printed on standard error. */
    default void warning(String message) {
        System.err.println("warning: " + message);
    }

    /** Training ended, normally or not: release the console. */
    default void close() {}

    /** Prints nothing, warnings included (they stay in the history). */
    static Progress quiet() {
        return new Progress() {
            @Override
            public void epochFinished(History.Epoch epoch) {}

            @Override
            public void warning(String message) {}
        };
    }

    /** One line per epoch on {@code out}. */
    static Progress lines(PrintStream out) {
        return epoch -> out.println(History.describe(epoch));
    }

    /** A progress bar on a terminal, else one line per epoch on standard output. */
    static Progress console() {
        return System.console() != null ? new Bar() : lines(System.out);
    }

    /** The terminal progress bar. */
    final class Bar implements Progress {
        private static final int REFRESH_EVERY = 8;
        private ProgressBar bar;

        @Override
        public void epochStarted(int epoch, int epochs, int batches) {
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                    .setInitialMax(batches)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .continuousUpdate()
                    .build();
        }

        @Override
        public void batchFinished(int batch, double runningLoss, double runningAccuracy) {
            if (bar == null) {
                return;
            }
            bar.stepTo(batch);
            if (batch % REFRESH_EVERY == 0) {
                bar.setExtraMessage(Double.isNaN(runningAccuracy)
                        ? String.format(Locale.ROOT, " loss %.4f", runningLoss)
                        : String.format(Locale.ROOT, " loss %.4f acc %.4f", runningLoss, runningAccuracy));
            }
        }

        @Override
        public void epochFinished(History.Epoch epoch) {
            close();
            System.out.println(History.describe(epoch));
        }

        @Override
        public void warning(String message) {
            close();
            Progress.super.warning(message);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
