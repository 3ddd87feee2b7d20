package introdl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {
    @TempDir
    Path dir;

    @Test
    void readsAPngAndItsGreyLevels() throws Exception {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 0, 0xffffff);
        Path file = dir.resolve("tiny.png");
        ImageIO.write(image, "png", file.toFile());
        float[] grey = Images.grey(Images.read(file));
        assertEquals(6, grey.length);
        assertEquals(1f, grey[1], 1e-6);
        assertEquals(0f, grey[0], 1e-6);
    }

    @Test
    void truncatedPngIsRejectedNamingTheFile() throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 64; i++) {
            image.setRGB(i, i, 0x123456 * i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        byte[] png = bytes.toByteArray();
        Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Images.read(file));
        assertTrue(e.getMessage().contains("cut.png"), e.getMessage());
    }

    @Test
    void textFileIsNotAnImage() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.png"), "not an image at all");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Images.read(file));
        assertTrue(e.getMessage().contains("notes.png"), e.getMessage());
    }
}
