package introdl.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import introdl.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Everything needed to continue a run after its last completed epoch: the weights, the optimiser
 * state, the best weights so far (for early stopping), the history, and the counters. Stored as
 * one zip file written atomically, so a run killed while saving still has its previous checkpoint.
 */
final class Checkpoint {
    private static final String STATE = "state.json";
    private static final String WEIGHTS = "weights.ndlist";
    private static final String BEST = "best-weights.ndlist";
    private static final String OPTIMIZER = "optimizer.bin";
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** The counters and settings of a run, stored as JSON in the checkpoint. */
    static final class State {
        int version = 1;
        int epoch;
        boolean finished;
        double bestValue = Double.POSITIVE_INFINITY;
        int bestEpoch;
        int badEpochs;
        int restoredEpoch;
        boolean stoppedEarly;
        /** What must match for a resume to be valid: seed, batch size, data size, optimiser, model. */
        String fingerprint;
        /** The fingerprint with any learning rate: what a resume with a new rate must match. */
        String settings;
        /** The mean loss of the very first batch, before any update: the yardstick of an explosion. */
        double firstLoss = Double.NaN;
        /** What the run warned of (a loss that exploded). */
        List<String> warnings = new ArrayList<>();
        /** Every epoch's figures at full precision (history.csv rounds them). */
        List<Map<String, Double>> epochs = new ArrayList<>();
    }

    final State state;
    final History history;
    final byte[] weights;
    final byte[] bestWeights;
    final byte[] optimizer;

    Checkpoint(State state, History history, byte[] weights, byte[] bestWeights, byte[] optimizer) {
        this.state = state;
        this.history = history;
        this.weights = weights;
        this.bestWeights = bestWeights;
        this.optimizer = optimizer;
    }

    /** Writes the checkpoint atomically. */
    void write(Path file) {
        state.epochs = new ArrayList<>();
        history.epochs().forEach(e -> state.epochs.add(e.values()));
        AtomicFiles.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(raw);
            put(zip, STATE, GSON.toJson(state).getBytes(StandardCharsets.UTF_8));
            put(zip, WEIGHTS, weights);
            if (bestWeights != null) {
                put(zip, BEST, bestWeights);
            }
            put(zip, OPTIMIZER, optimizer);
            zip.finish();
        });
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Reads a checkpoint.
     *
     * @throws IllegalStateException naming the file if it is not a complete checkpoint
     */
    static Checkpoint read(Path file) {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw corrupt(file, e.getMessage(), e);
        }
        for (String required : new String[] {STATE, WEIGHTS, OPTIMIZER}) {
            if (!entries.containsKey(required)) {
                throw corrupt(file, "it has no " + required, null);
            }
        }
        try {
            State state = GSON.fromJson(new String(entries.get(STATE), StandardCharsets.UTF_8), State.class);
            if (state == null || state.epochs == null || state.epochs.size() != state.epoch) {
                throw corrupt(file, "its history does not match its epoch count", null);
            }
            History history = new History();
            for (int e = 0; e < state.epochs.size(); e++) {
                history.add(new History.Epoch(e + 1, state.epochs.get(e)));
            }
            if (state.bestEpoch > 0) {
                history.markBest(state.bestEpoch);
            }
            if (state.restoredEpoch > 0) {
                history.markRestored(state.restoredEpoch);
            }
            if (state.stoppedEarly) {
                history.markStoppedEarly();
            }
            return new Checkpoint(state, history, entries.get(WEIGHTS), entries.get(BEST), entries.get(OPTIMIZER));
        } catch (JsonParseException | IllegalArgumentException e) {
            throw corrupt(file, e.getMessage(), e);
        }
    }

    private static CheckpointException corrupt(Path file, String why, Exception cause) {
        return new CheckpointException("checkpoint " + file + " cannot be read (" + why
                + "); it is damaged: delete it to train from the start", cause);
    }
}
