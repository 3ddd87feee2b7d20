package introdl.language;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import introdl.data.InvalidDataException;
import introdl.io.AtomicFiles;
import introdl.train.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A GPT together with the tokeniser it reads: what is saved, loaded and shipped. A saved model is a
 * folder with {@code gpt.json} (its shape), {@code tokenizer.json} and DJL's
 * {@code gpt-0000.params}; loading builds the GPT the file describes, so a checkpoint of another
 * shape or vocabulary is an error that names both rather than silently wrong weights.
 * {@link #base()} is introdl's {@code from_pretrained}: the small GPT pretrained on Tiny
 * Shakespeare that ships inside the jar (see BENCHMARKS.md for how it was trained).
 */
public final class LanguageModel implements AutoCloseable {
    /** Where the shipped base lives on the class path. */
    public static final String BASE_RESOURCE = "introdl/models/gpt-shakespeare/";
    private static final String CONFIG = "gpt.json";
    private static final String TOKENIZER = "tokenizer.json";
    private static final String NAME = "gpt";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Model model;
    private final Tokenizer tokenizer;
    private final GptConfig config;

    private LanguageModel(Model model, Tokenizer tokenizer, GptConfig config) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.config = config;
    }

    /** A new, untrained GPT of {@code config} (its vocabulary set to the tokeniser's), initialised from {@code seed}. */
    public static LanguageModel create(GptConfig config, Tokenizer tokenizer, long seed) {
        GptConfig sized = config.withVocabulary(tokenizer.vocabularySize());
        Model model = Models.create(NAME, new Gpt(sized), new Shape(sized.context()), seed);
        return new LanguageModel(model, tokenizer, sized);
    }

    /** A model around an already built and filled GPT (a checkpoint another library wrote). */
    static LanguageModel of(Model model, Tokenizer tokenizer, GptConfig config) {
        return new LanguageModel(model, tokenizer, config);
    }

    /** The GPT pretrained on Tiny Shakespeare that ships with introdl. */
    public static LanguageModel base() {
        return Models.fromResources(BASE_RESOURCE, new String[] {CONFIG, TOKENIZER, NAME + "-0000.params"},
                LanguageModel::load);
    }

    /** Loads a model that {@link #save} wrote. */
    public static LanguageModel load(Path dir) {
        GptConfig config = readConfig(dir.resolve(CONFIG));
        Tokenizer tokenizer = Tokenizer.load(dir.resolve(TOKENIZER));
        if (tokenizer.vocabularySize() != config.vocabulary()) {
            throw new InvalidDataException("the model in " + dir + " has a vocabulary of " + config.vocabulary()
                    + " tokens but its tokeniser (" + tokenizer.name() + ") has " + tokenizer.vocabularySize());
        }
        return new LanguageModel(Models.load(dir, NAME, new Gpt(config)), tokenizer, config);
    }

    /**
     * Loads a model that must have the shape {@code expected} (say, to continue training it).
     *
     * @throws IllegalArgumentException naming both shapes if the saved model differs
     */
    public static LanguageModel load(Path dir, GptConfig expected) {
        GptConfig saved = readConfig(dir.resolve(CONFIG));
        if (!saved.equals(expected)) {
            throw new IllegalArgumentException("the model in " + dir + " is a " + saved + ", not the expected "
                    + expected);
        }
        return load(dir);
    }

    /** Saves the model into {@code dir} (created if needed) and returns it. */
    public Path save(Path dir) {
        Models.save(model, dir);
        tokenizer.save(dir.resolve(TOKENIZER));
        AtomicFiles.writeString(dir.resolve(CONFIG), GSON.toJson(config));
        return dir;
    }

    private static GptConfig readConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no saved language model here: " + file + " is missing (a saved model "
                    + "folder holds " + CONFIG + ", " + TOKENIZER + " and " + NAME + "-0000.params)");
        }
        try {
            GptConfig config = GSON.fromJson(Files.readString(file), GptConfig.class);
            if (config == null || config.positions() == null) {
                throw new InvalidDataException(file + " does not describe a GPT");
            }
            // the record's constructor checks the sizes; Gson bypasses it, so build it again
            return new GptConfig(config.vocabulary(), config.context(), config.layers(), config.heads(),
                    config.width(), config.dropout(), config.positions());
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            throw new InvalidDataException(file + " is not a GPT description written by introdl: " + e.getMessage(), e);
        }
    }

    public Model model() {
        return model;
    }

    public Gpt gpt() {
        return (Gpt) model.getBlock();
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public GptConfig config() {
        return config;
    }

    /** A generator writing with this model. */
    public Generator generator() {
        return new Generator(model, tokenizer);
    }

    /** {@code tokens} new tokens after {@code prompt} (see {@link Generator#generate(String, int, Sampling, long)}). */
    public String generate(String prompt, int tokens, Sampling sampling, long seed) {
        return generator().generate(prompt, tokens, sampling, seed);
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return config + " reading " + tokenizer.name();
    }
}
