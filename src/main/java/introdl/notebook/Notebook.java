package introdl.notebook;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import introdl.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Jupyter notebook in IJava's format (nbformat 4, kernel language {@code java}), read from an
 * {@code .ipynb} file. Everything in the file is kept, so writing it back after a run changes
 * only the cells' outputs and execution counts.
 */
public final class Notebook {
    /** The time budget of a notebook that does not set {@code metadata.introdl.budget_seconds}. */
    public static final int DEFAULT_BUDGET_SECONDS = 300;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping()
            .setFormattingStyle(FormattingStyle.PRETTY.withIndent(" ")).create();

    /**
     * One cell.
     *
     * @param number the cell's position in the notebook, counted from 1
     * @param type "code", "markdown" or "raw"
     * @param source the cell's text
     */
    public record Cell(int number, String type, String source) {
        public boolean isCode() {
            return type.equals("code");
        }

        /** The cell's first non-blank line, to point at it in messages. */
        public String firstLine() {
            return source.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        }
    }

    private final Path file;
    private final JsonObject json;
    private final List<Cell> cells;

    private Notebook(Path file, JsonObject json, List<Cell> cells) {
        this.file = file;
        this.json = json;
        this.cells = cells;
    }

    /**
     * Reads and checks a notebook.
     *
     * @throws NotebookException naming the file if it is not valid JSON, not a notebook, or not a
     *     Java notebook
     */
    public static Notebook read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NotebookException("cannot read notebook " + file + ": " + e.getMessage(), e);
        }
        JsonObject json;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw new JsonParseException("the top level is not a JSON object");
            }
            json = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new NotebookException("notebook " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!json.has("cells") || !json.get("cells").isJsonArray() || !json.has("nbformat")
                || json.get("nbformat").getAsInt() != 4) {
            throw new NotebookException("notebook " + file + " is not a Jupyter notebook in format 4 "
                    + "(it needs \"nbformat\": 4 and a \"cells\" array)");
        }
        checkLanguage(file, json);
        List<Cell> cells = new ArrayList<>();
        JsonArray array = json.getAsJsonArray("cells");
        for (int i = 0; i < array.size(); i++) {
            JsonObject cell = array.get(i).getAsJsonObject();
            String type = cell.has("cell_type") ? cell.get("cell_type").getAsString() : "";
            if (!List.of("code", "markdown", "raw").contains(type)) {
                throw new NotebookException("notebook " + file + ", cell " + (i + 1) + ": unknown cell type '" + type + "'");
            }
            String language = cellLanguage(cell);
            if (type.equals("code") && language != null && !language.equals("java")) {
                throw new NotebookException("notebook " + file + ", cell " + (i + 1) + " is in " + language
                        + "; the notebook runner runs Java cells only");
            }
            cells.add(new Cell(i + 1, type, source(cell)));
        }
        return new Notebook(file, json, cells);
    }

    private static void checkLanguage(Path file, JsonObject json) {
        JsonObject metadata = json.has("metadata") ? json.getAsJsonObject("metadata") : new JsonObject();
        String language = null;
        if (metadata.has("kernelspec") && metadata.getAsJsonObject("kernelspec").has("language")) {
            language = metadata.getAsJsonObject("kernelspec").get("language").getAsString();
        } else if (metadata.has("language_info") && metadata.getAsJsonObject("language_info").has("name")) {
            language = metadata.getAsJsonObject("language_info").get("name").getAsString();
        }
        if (language == null) {
            throw new NotebookException("notebook " + file + " does not say its language; IJava notebooks have "
                    + "\"metadata\": {\"kernelspec\": {\"name\": \"java\", \"language\": \"java\"}}");
        }
        if (!language.toLowerCase(Locale.ROOT).equals("java")) {
            throw new NotebookException("notebook " + file + " is a " + language
                    + " notebook; the notebook runner runs Java (IJava) notebooks only");
        }
    }

    private static String cellLanguage(JsonObject cell) {
        if (!cell.has("metadata")) {
            return null;
        }
        JsonObject metadata = cell.getAsJsonObject("metadata");
        if (metadata.has("language")) {
            return metadata.get("language").getAsString().toLowerCase(Locale.ROOT);
        }
        if (metadata.has("vscode") && metadata.getAsJsonObject("vscode").has("languageId")) {
            return metadata.getAsJsonObject("vscode").get("languageId").getAsString().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static String source(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (source == null) {
            return "";
        }
        if (source.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            source.getAsJsonArray().forEach(line -> sb.append(line.getAsString()));
            return sb.toString();
        }
        return source.getAsString();
    }

    public Path file() {
        return file;
    }

    /** The file name, e.g. "01-perceptron-to-mlp.ipynb". */
    public String name() {
        return file.getFileName().toString();
    }

    public List<Cell> cells() {
        return List.copyOf(cells);
    }

    /** The notebook's time budget, from {@code metadata.introdl.budget_seconds}. */
    public int budgetSeconds() {
        JsonObject metadata = json.has("metadata") ? json.getAsJsonObject("metadata") : new JsonObject();
        if (metadata.has("introdl") && metadata.getAsJsonObject("introdl").has("budget_seconds")) {
            return metadata.getAsJsonObject("introdl").get("budget_seconds").getAsInt();
        }
        return DEFAULT_BUDGET_SECONDS;
    }

    /**
     * A copy of this notebook, to be written to {@code target}, with each cell's text replaced by
     * {@code edit} and every output and execution count cleared: a version to hand out unrun.
     */
    public Notebook edited(Path target, java.util.function.UnaryOperator<Cell> edit) {
        JsonObject copy = json.deepCopy();
        JsonArray array = copy.getAsJsonArray("cells");
        List<Cell> edited = new ArrayList<>();
        for (Cell cell : cells) {
            Cell changed = edit.apply(cell);
            JsonObject object = array.get(cell.number() - 1).getAsJsonObject();
            JsonArray lines = new JsonArray();
            changed.source().lines().forEach(line -> lines.add(line + "\n"));
            if (lines.size() > 0) {
                // Jupyter leaves the last line without its newline
                String last = lines.get(lines.size() - 1).getAsString();
                lines.set(lines.size() - 1, new com.google.gson.JsonPrimitive(changed.source().endsWith("\n") ? last
                        : last.substring(0, last.length() - 1)));
            }
            object.add("source", lines);
            if (cell.isCode()) {
                object.add("outputs", new JsonArray());
                object.add("execution_count", com.google.gson.JsonNull.INSTANCE);
            }
            edited.add(changed);
        }
        return new Notebook(target, copy, edited);
    }

    /** Replaces the outputs and execution count of code cell {@code number}. */
    public void setOutputs(int number, int executionCount, JsonArray outputs) {
        JsonObject cell = json.getAsJsonArray("cells").get(number - 1).getAsJsonObject();
        cell.addProperty("execution_count", executionCount);
        cell.add("outputs", outputs);
    }

    /** The notebook as JSON, indented by one space as Jupyter writes it. */
    public String toJson() {
        return GSON.toJson(json) + "\n";
    }

    /** Writes the notebook (atomically). */
    public Path write(Path target) {
        return AtomicFiles.writeString(target, toJson());
    }

    @Override
    public String toString() {
        return name();
    }
}
