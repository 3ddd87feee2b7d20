package introdl.notebook;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What the notebook runner puts behind IJava's {@code display(...)}: it renders an object the
 * way IJava does (a {@link BufferedImage} as PNG, anything else as text, and a string as the
 * types asked for, as in {@code display(html, "text/html")}) and collects the results for the
 * cell that is running.
 */
public final class Display {
    private static final List<Map<String, String>> SHOWN = new ArrayList<>();
    private static Map<String, String> result;

    private Display() {}

    /** Renders {@code value} and records it as shown by the running cell; returns an id, as IJava does. */
    public static synchronized String show(Object value) {
        SHOWN.add(render(value));
        return "display-" + SHOWN.size();
    }

    /**
     * IJava's {@code display(value, types...)}, its arguments packed as {value, String[] types}
     * (the runner reaches this by reflection with one argument).
     */
    public static synchronized String showAs(Object packed) {
        Object[] arguments = (Object[]) packed;
        SHOWN.add(render(arguments[0], (String[]) arguments[1]));
        return "display-" + SHOWN.size();
    }

    /**
     * The bundle of {@code value} in the requested types, as IJava renders them: text (HTML,
     * Markdown, JavaScript...) for a string, image/png for an image; text/plain always, and a type
     * the value cannot take is left out. One difference: IJava sends a string's text again as
     * text/plain, so an audio player (a WAV file in the HTML) would be stored twice; a string
     * over {@link #LONG_TEXT} characters shown as another type gets a one-line text/plain instead.
     */
    public static Map<String, String> render(Object value, String... types) {
        Map<String, String> bundle = new LinkedHashMap<>();
        Map<String, String> preferred = render(value);
        for (String type : types) {
            if (value instanceof CharSequence text && !type.startsWith("image/")) {
                bundle.put(type, text.toString());
            } else if (preferred.containsKey(type)) {
                bundle.put(type, preferred.get(type));
            }
        }
        boolean shownElsewhere = !bundle.isEmpty() && !bundle.containsKey("text/plain");
        if (value instanceof CharSequence text && text.length() > LONG_TEXT && shownElsewhere) {
            bundle.put("text/plain", "<" + String.join(", ", bundle.keySet()) + ": " + (text.length() + 1023) / 1024
                    + " KB>");
        } else {
            bundle.put("text/plain", preferred.get("text/plain"));
        }
        return bundle;
    }

    /** The length above which a string shown as HTML or another text type is not repeated as text/plain. */
    public static final int LONG_TEXT = 1000;

    /** The MIME bundle of {@code value}: image/png (base64) for images, and always text/plain. */
    public static Map<String, String> render(Object value) {
        Map<String, String> bundle = new LinkedHashMap<>();
        if (value instanceof BufferedImage image) {
            bundle.put("image/png", png(image));
            bundle.put("text/plain", "<image " + image.getWidth() + "x" + image.getHeight() + ">");
        } else {
            bundle.put("text/plain", String.valueOf(value));
        }
        return bundle;
    }

    /** Records the value of a cell's last expression, which the notebook shows as its result. */
    public static synchronized void result(Object value) {
        result = render(value);
    }

    /** Takes the recorded result (null if none). */
    static synchronized Map<String, String> drainResult() {
        Map<String, String> out = result;
        result = null;
        return out;
    }

    /** Takes what was shown since the last call. */
    static synchronized List<Map<String, String>> drain() {
        List<Map<String, String>> out = new ArrayList<>(SHOWN);
        SHOWN.clear();
        return out;
    }

    private static String png(BufferedImage image) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
