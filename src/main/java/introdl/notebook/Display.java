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
 * way IJava does (a {@link BufferedImage} as PNG, anything else as text) and collects the
 * results for the cell that is running.
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
