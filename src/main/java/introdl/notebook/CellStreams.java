package introdl.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a running cell writes to standard output and standard error, kept as IJava sends it: one
 * stream output per run of writes to the same stream, in the order they came (a log line on
 * standard error between two printed lines is its own output, between them).
 */
final class CellStreams implements AutoCloseable {
    private final List<String> names = new ArrayList<>();
    private final List<ByteArrayOutputStream> texts = new ArrayList<>();
    private final PrintStream oldOut = System.out;
    private final PrintStream oldErr = System.err;

    /** Starts capturing System.out and System.err; {@link #close} puts them back. */
    CellStreams() {
        System.setOut(new PrintStream(new Recorder("stdout"), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Recorder("stderr"), true, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        flush();
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    /** The cell's stream outputs so far, in nbformat's form. */
    synchronized JsonArray outputs() {
        flush();
        JsonArray outputs = new JsonArray();
        for (int i = 0; i < names.size(); i++) {
            JsonObject stream = new JsonObject();
            stream.addProperty("output_type", "stream");
            stream.addProperty("name", names.get(i));
            stream.addProperty("text", texts.get(i).toString(StandardCharsets.UTF_8));
            outputs.add(stream);
        }
        return outputs;
    }

    /** Everything written to either stream so far, in order. */
    synchronized String text() {
        flush();
        StringBuilder sb = new StringBuilder();
        texts.forEach(t -> sb.append(t.toString(StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private static void flush() {
        System.out.flush();
        System.err.flush();
    }

    private synchronized void write(String name, byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
            names.add(name);
            texts.add(new ByteArrayOutputStream());
        }
        texts.get(texts.size() - 1).write(bytes, offset, length);
    }

    private final class Recorder extends OutputStream {
        private final String name;

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            CellStreams.this.write(name, new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            CellStreams.this.write(name, b, off, len);
        }
    }
}
