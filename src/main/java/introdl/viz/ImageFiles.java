package introdl.viz;

import introdl.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes images as PNG, atomically, so a reader never sees half a file. */
public final class ImageFiles {
    private ImageFiles() {}

    /** Writes {@code image} to {@code file} as PNG (parent folders are created) and returns the file. */
    public static Path writePng(BufferedImage image, Path file) {
        return AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
