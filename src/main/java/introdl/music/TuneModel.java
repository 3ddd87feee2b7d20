package introdl.music;

import ai.djl.Model;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import introdl.data.InvalidDataException;
import introdl.io.AtomicFiles;
import introdl.sequence.CharLstm;
import introdl.sequence.Vocabulary;
import introdl.train.Models;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained tune model with its vocabulary, as Lab 1 saves it ({@code model/} of a run folder:
 * the parameters and {@code vocabulary.json}, which also records the LSTM's sizes), and the one
 * shipped in introdl's jar, {@link #pretrained()}, which quick mode and offline notebooks play
 * when their own small model cannot write a tune yet.
 */
public final class TuneModel implements AutoCloseable {
    /** Where the shipped model lives on the class path. */
    public static final String PRETRAINED_RESOURCE = "introdl/models/tunes/";
    /** The file with the vocabulary and the model's sizes. */
    public static final String VOCABULARY = "vocabulary.json";
    private static final String NAME = "music";
    /** The shipped model's parameter file: Lab 1's default trained for 8 epochs. */
    private static final String PRETRAINED_PARAMS = NAME + "-0008.params";

    private final Model model;
    private final Vocabulary vocabulary;

    private TuneModel(Model model, Vocabulary vocabulary) {
        this.model = model;
        this.vocabulary = vocabulary;
    }

    /**
     * The model shipped with introdl: Lab 1's default (embedding 64, LSTM 256, 8 epochs) trained by
     * {@code ./introdl music} (seed 42) on the course's 804 tunes (MIT licence; data/README.md).
     */
    public static TuneModel pretrained() {
        return Models.fromResources(PRETRAINED_RESOURCE, new String[] {VOCABULARY, PRETRAINED_PARAMS}, TuneModel::load);
    }

    /** Saves a trained model and its vocabulary into {@code dir}, readable by {@link #load}. */
    public static void save(Model model, Vocabulary vocabulary, Path dir) {
        if (!(model.getBlock() instanceof CharLstm lstm)) {
            throw new IllegalArgumentException("the model's block is not a CharLstm");
        }
        Models.save(model, dir);
        JsonObject json = new JsonObject();
        json.addProperty("characters", vocabulary.characters());
        json.addProperty("embedding", lstm.embeddingSize());
        json.addProperty("hidden", lstm.hiddenSize());
        json.addProperty("layers", lstm.layers());
        AtomicFiles.writeString(dir.resolve(VOCABULARY), new Gson().toJson(json));
    }

    /**
     * Loads a model saved by {@link #save} (a lab run's {@code model/} folder).
     *
     * @throws InvalidDataException if the folder has no readable {@code vocabulary.json}
     */
    public static TuneModel load(Path dir) {
        Path file = dir.resolve(VOCABULARY);
        JsonObject json;
        try {
            json = new Gson().fromJson(Files.readString(file), JsonObject.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (is " + dir + " a tune model saved by introdl?): "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InvalidDataException(file + " is not a tune model's vocabulary: " + e.getMessage());
        }
        if (json == null || !json.has("characters") || !json.has("embedding") || !json.has("hidden")) {
            throw new InvalidDataException(file + " lacks the characters or the model's sizes (embedding, hidden); "
                    + "it was not written by this version of introdl: train the model again");
        }
        Vocabulary vocabulary = Vocabulary.ofCharacters(json.get("characters").getAsString());
        int layers = json.has("layers") ? json.get("layers").getAsInt() : 1;
        CharLstm block = new CharLstm(vocabulary.size(), json.get("embedding").getAsInt(), json.get("hidden").getAsInt(),
                layers, 0);
        return new TuneModel(Models.load(dir, NAME, block), vocabulary);
    }

    public Model model() {
        return model;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** A composer writing with this model. */
    public Composer composer() {
        return new Composer(model, vocabulary);
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return model.getBlock() + " over " + vocabulary;
    }
}
