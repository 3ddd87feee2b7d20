package introdl.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import introdl.SharedData;
import introdl.data.DataUnavailableException;
import introdl.data.Examples;
import introdl.data.InvalidDataException;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceDataTest {
    private static final int PIXELS = 3 * 64 * 64;
    private static final int PLANE = 64 * 64;

    // ---- FaceSet ----

    /** Three images: a face in group 1, a non-face, a face with no group; image i has every pixel 0.1 * (i + 1). */
    private static FaceSet three() {
        float[] pixels = new float[3 * PIXELS];
        for (int i = 0; i < 3; i++) {
            Arrays.fill(pixels, i * PIXELS, (i + 1) * PIXELS, 0.1f * (i + 1));
        }
        return FaceSet.of("three", pixels, new float[] {1, 0, 1}, new int[] {1, -1, -1}, List.of("a", "b"),
                List.of("x/one.jpg", "x/two.jpg", "three.png"));
    }

    @Test
    void aFaceSetKnowsItsFacesGroupsAndSources() {
        FaceSet set = three();
        assertEquals(3, set.size());
        assertArrayEquals(new int[] {0, 2}, set.faces());
        assertArrayEquals(new int[] {1}, set.nonFaces());
        assertTrue(set.isFace(0) && !set.isFace(1));
        assertEquals("b", set.groupName(0));
        assertEquals("", set.groupName(1));
        assertEquals(-1, set.group(2));
        assertArrayEquals(new int[] {0, 1}, set.groupCounts());
        assertEquals("x/two.jpg", set.source(1));
        assertEquals(0.2f, set.image(1)[PIXELS - 1], 1e-6);
        assertEquals("three: 3 images (2 faces, 1 non-faces); groups: a 0, b 1", set.toString());

        Examples examples = set.examples();
        assertEquals(FaceSet.CLASSES, examples.classNames());
        assertEquals(FaceSet.IMAGE, examples.sampleShape());
        assertArrayEquals(new int[] {1, 0, 1}, examples.labels());
        assertEquals(0.3f, examples.sample(2)[5], 1e-6);
    }

    @Test
    void aFaceSetCopiesWhatItIsGivenAndWhatItGivesOut() {
        float[] pixels = new float[PIXELS];
        float[] labels = {1};
        FaceSet set = FaceSet.of("one", pixels, labels, new int[] {-1}, List.of(), List.of("s"));
        pixels[0] = 0.9f;
        labels[0] = 0;
        set.image(0)[0] = 0.7f;
        assertEquals(0f, set.image(0)[0]);
        assertTrue(set.isFace(0));
    }

    @Test
    void aFaceSetRejectsInconsistentArraysNamingTheImage() {
        float[] one = new float[PIXELS];
        List<String> src = List.of("pic.jpg");
        assertMessage(IllegalArgumentException.class, "do not make 1 images",
                () -> FaceSet.of("s", new float[PIXELS - 1], new float[] {1}, new int[] {-1}, List.of(), src));
        assertMessage(IllegalArgumentException.class, "1 labels but 2 groups",
                () -> FaceSet.of("s", one, new float[] {1}, new int[] {-1, -1}, List.of(), src));
        assertMessage(IllegalArgumentException.class, "pic.jpg) is 2.0; expected 1 (face) or 0",
                () -> FaceSet.of("s", one, new float[] {2}, new int[] {-1}, List.of(), src));
        assertMessage(IllegalArgumentException.class, "group of image 0 (pic.jpg) is 3",
                () -> FaceSet.of("s", one, new float[] {1}, new int[] {3}, List.of("a"), src));
        assertMessage(IllegalArgumentException.class, "is a non-face but has group 0",
                () -> FaceSet.of("s", one, new float[] {0}, new int[] {0}, List.of("a"), src));
        float[] bright = new float[PIXELS];
        bright[17] = 1.5f;
        assertMessage(IllegalArgumentException.class, "pixel value 1.5",
                () -> FaceSet.of("s", bright, new float[] {1}, new int[] {-1}, List.of(), src));
        bright[17] = Float.NaN;
        assertMessage(IllegalArgumentException.class, "pixel value NaN",
                () -> FaceSet.of("s", bright, new float[] {1}, new int[] {-1}, List.of(), src));
    }

    @Test
    void subsetAndConcatKeepImagesLabelsGroupsSourcesAndSkippedFiles() {
        FaceSet set = three().withSkipped(List.of("bad.jpg: corrupt"));
        FaceSet sub = set.subset(new int[] {2, 0, 0}, "sub");
        assertEquals("sub", sub.name());
        assertEquals(List.of("three.png", "x/one.jpg", "x/one.jpg"), List.of(sub.source(0), sub.source(1), sub.source(2)));
        assertEquals(0.3f, sub.image(0)[0], 1e-6);
        assertEquals(1, sub.group(1));
        assertEquals(List.of("bad.jpg: corrupt"), sub.skipped());
        assertThrows(IndexOutOfBoundsException.class, () -> set.subset(new int[] {3}, "bad"));

        FaceSet noGroups = FaceSet.of("ng", new float[PIXELS], new float[] {0}, new int[] {-1}, List.of(),
                List.of("n.jpg"));
        FaceSet all = FaceSet.concat("all", noGroups, set, sub);
        assertEquals(7, all.size());
        assertEquals(List.of("a", "b"), all.groupNames());
        assertEquals("n.jpg", all.source(0));
        assertEquals(1, all.group(1));
        assertEquals(1, all.group(5));
        assertArrayEquals(new int[] {0, 3}, all.groupCounts());
        assertEquals(List.of("bad.jpg: corrupt", "bad.jpg: corrupt"), all.skipped());
        assertTrue(all.toString().endsWith("; 2 files skipped"), all.toString());

        FaceSet otherGroups = FaceSet.of("o", new float[PIXELS], new float[] {1}, new int[] {0}, List.of("c"),
                List.of("o.jpg"));
        assertMessage(IllegalArgumentException.class, "group names must agree",
                () -> FaceSet.concat("bad", set, otherGroups));
    }

    // ---- UTKFace names ----

    @Test
    void utkFaceNamesGiveGenderAndRaceGroupsFemaleFirst() {
        assertEquals(List.of("female White", "female Black", "female Asian", "female Indian", "female Other",
                "male White", "male Black", "male Asian", "male Indian", "male Other"), UtkFaceName.GROUPS);
        UtkFaceName name = UtkFaceName.parse(Path.of("females/black/25_1_1_20170116174525125.jpg.chip.jpg"));
        assertEquals(new UtkFaceName(25, 1, 1), name);
        assertEquals(1, name.group());
        assertEquals("female Black", name.groupName());
        assertEquals("male White", UtkFaceName.parse(Path.of("39_0_0_20170104204624075.jpg.chip.jpg")).groupName());
        assertEquals(9, UtkFaceName.parse(Path.of("1_0_4_20161221193016140.jpg.chip.jpg")).group());
        assertEquals("female Indian", UtkFaceName.parse(Path.of("110_1_3_20170109.jpg")).groupName());
    }

    @Test
    void badUtkFaceNamesAreRejectedNamingTheFileAndTheExpectedForm() {
        // the first is one of the few malformed names in the full UTKFace (no race field)
        for (String bad : List.of("61_1_20170109142408075.jpg.chip.jpg", "x_1_1_20170109.jpg", "25_2_1_20170109.jpg",
                "25_1_7_20170109.jpg", "25_1_1_.jpg", "25_-1_1_2017.jpg", "25_1_1_2017_extra.jpg")) {
            Path file = Path.of("faces", bad);
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> UtkFaceName.parse(file), bad);
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("[age]_[gender]_[race]"),
                    e.getMessage());
        }
        assertMessage(InvalidDataException.class, "gender 2 is not 0 (male) or 1 (female)",
                () -> UtkFaceName.parse(Path.of("25_2_1_20170109.jpg")));
        assertMessage(InvalidDataException.class, "race 7 is not 0-4",
                () -> UtkFaceName.parse(Path.of("25_1_7_20170109.jpg")));
    }

    // ---- folders of images ----

    private static BufferedImage picture(int w, int h, Consumer<Graphics2D> paint) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        paint.accept(g);
        g.dispose();
        return image;
    }

    private static void write(BufferedImage image, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        String format = file.getFileName().toString().replaceAll(".*\\.", "").toLowerCase(Locale.ROOT);
        assertTrue(ImageIO.write(image, format.equals("jpg") ? "jpeg" : format, file.toFile()), "writer for " + format);
    }

    private static BufferedImage plain(int w, int h, Color colour) {
        return picture(w, h, g -> {
            g.setColor(colour);
            g.fillRect(0, 0, w, h);
        });
    }

    private static float mean(float[] image, int channel) {
        double sum = 0;
        for (int i = 0; i < PLANE; i++) {
            sum += image[channel * PLANE + i];
        }
        return (float) (sum / PLANE);
    }

    @Test
    void foldersOfAnySizeAndFormatBecome64x64RgbWithUnreadableFilesListed(@TempDir Path dir) throws Exception {
        Path faces = dir.resolve("faces");
        Path nonFaces = dir.resolve("non-faces");
        // a wide picture: red | green | blue thirds; the centre square is all green
        write(picture(120, 60, g -> {
            g.setColor(Color.RED);
            g.fillRect(0, 0, 30, 60);
            g.setColor(Color.GREEN);
            g.fillRect(30, 0, 60, 60);
            g.setColor(Color.BLUE);
            g.fillRect(90, 0, 30, 60);
        }), faces.resolve("smiling/wide.png"));
        write(plain(30, 30, Color.WHITE), faces.resolve("smiling/small.jpg"));
        write(plain(100, 300, new Color(200, 100, 50)), faces.resolve("serious/tall.bmp"));
        write(plain(40, 40, Color.BLACK), nonFaces.resolve("deep/er/black.gif"));
        write(plain(500, 400, Color.GRAY), nonFaces.resolve("Grey.JPEG"));
        Files.write(nonFaces.resolve("broken.jpg"), "this is not a JPEG".getBytes());
        byte[] png = Files.readAllBytes(faces.resolve("smiling/wide.png"));
        Files.write(nonFaces.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));
        Files.writeString(nonFaces.resolve("README.txt"), "not an image name: never read");

        FaceSet set = FaceFolders.read(faces, nonFaces, GroupLabels.bySubfolder(), FaceFolders.ALL, 1);
        assertEquals(5, set.size(), set.toString());
        assertEquals(3, set.faces().length);
        assertEquals(List.of("serious", "smiling"), set.groupNames());
        // sorted paths, faces first, relative to their folder with '/'
        assertEquals(List.of("serious/tall.bmp", "smiling/small.jpg", "smiling/wide.png", "Grey.JPEG",
                "deep/er/black.gif"), Arrays.stream(new int[] {0, 1, 2, 3, 4}).mapToObj(set::source).toList());
        assertArrayEquals(new int[] {0, 1, 1, -1, -1}, set.groups());
        assertEquals(2, set.skipped().size(), set.skipped().toString());
        assertTrue(set.skipped().get(0).startsWith(nonFaces.resolve("broken.jpg") + ": "), set.skipped().toString());
        assertTrue(set.skipped().get(1).startsWith(nonFaces.resolve("truncated.png") + ": "), set.skipped().toString());
        assertTrue(set.toString().contains("2 files skipped"), set.toString());

        float[] wide = set.image(2);
        assertEquals(PIXELS, wide.length);
        assertEquals(0f, mean(wide, 0), 0.02, "the red left third is cropped away");
        assertEquals(1f, mean(wide, 1), 0.02, "the green centre square fills the image");
        assertEquals(0f, mean(wide, 2), 0.02, "the blue right third is cropped away");
        float[] tall = set.image(0);
        assertEquals(200 / 255f, mean(tall, 0), 0.01);
        assertEquals(50 / 255f, mean(tall, 2), 0.01);
        assertEquals(1f, mean(set.image(1), 1), 0.02, "a 30x30 JPEG is enlarged to 64x64");
        assertEquals(0f, mean(set.image(4), 0), 0.01);
    }

    @Test
    void shrinkingAveragesFineDetailInsteadOfAliasingIt(@TempDir Path dir) throws Exception {
        // a 1-pixel checkerboard: a good downscale is uniform grey, a naive one keeps black and white pixels
        BufferedImage checks = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                checks.setRGB(x, y, (x + y) % 2 == 0 ? 0xffffff : 0);
            }
        }
        float[] pixels = FaceImages.pixels(checks);
        for (float v : pixels) {
            assertEquals(0.5f, v, 0.1f);
        }
        write(checks, dir.resolve("checks.png"));
        FaceSet set = FaceFolders.nonFaces(dir, FaceFolders.ALL, 0);
        assertArrayEquals(pixels, set.image(0));
    }

    @Test
    void aLimitTakesTheSameSeededSampleInSortedOrder(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 12; i++) {
            write(plain(8, 8, new Color(i * 20, 0, 0)), dir.resolve(String.format("img%02d.png", i)));
        }
        FaceSet a = FaceFolders.faces(dir, GroupLabels.none(), 5, 7);
        FaceSet b = FaceFolders.faces(dir, GroupLabels.none(), 5, 7);
        assertEquals(5, a.size());
        List<String> sources = Arrays.stream(new int[] {0, 1, 2, 3, 4}).mapToObj(a::source).toList();
        assertEquals(sources, Arrays.stream(new int[] {0, 1, 2, 3, 4}).mapToObj(b::source).toList());
        assertEquals(sources.stream().sorted().toList(), sources);
        for (int i = 0; i < 5; i++) {
            int n = Integer.parseInt(a.source(i).substring(3, 5));
            assertEquals(n * 20 / 255f, a.image(i)[0], 1e-6, "pixels belong to " + a.source(i));
            assertArrayEquals(a.image(i), b.image(i));
        }
        assertEquals(12, FaceFolders.faces(dir, GroupLabels.none(), 100, 7).size());
        assertThrows(IllegalArgumentException.class, () -> FaceFolders.faces(dir, GroupLabels.none(), 0, 7));
    }

    @Test
    void missingOrEmptyFoldersAndBadNamesAreNamed(@TempDir Path dir) throws Exception {
        Path nowhere = dir.resolve("nowhere");
        assertMessage(DataUnavailableException.class, nowhere + " does not exist",
                () -> FaceFolders.faces(nowhere, GroupLabels.none(), FaceFolders.ALL, 1));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "no images here");
        assertMessage(InvalidDataException.class, empty + " holds no images",
                () -> FaceFolders.nonFaces(empty, FaceFolders.ALL, 1));
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("a.jpg"), "not a picture");
        assertMessage(InvalidDataException.class, "none of the 1 image files in " + broken,
                () -> FaceFolders.nonFaces(broken, FaceFolders.ALL, 1));

        Path utk = dir.resolve("utk");
        write(plain(10, 10, Color.PINK), utk.resolve("25_1_2_20170116174525125.jpg.chip.jpg"));
        write(plain(10, 10, Color.PINK), utk.resolve("26_1_20170116174525125.jpg.chip.jpg"));
        assertMessage(InvalidDataException.class, utk.resolve("26_1_20170116174525125.jpg.chip.jpg")
                + " is not a UTKFace file name", () -> FaceFolders.faces(utk, GroupLabels.utkFace(), 1, 1));
        Files.delete(utk.resolve("26_1_20170116174525125.jpg.chip.jpg"));
        FaceSet one = FaceFolders.faces(utk, GroupLabels.utkFace(), FaceFolders.ALL, 1);
        assertEquals("female Asian", one.groupName(0));
        assertMessage(InvalidDataException.class, "directly in the faces folder",
                () -> FaceFolders.faces(utk, GroupLabels.bySubfolder(), FaceFolders.ALL, 1));
    }

    @Test
    void realUtkFaceAndCifarSamplesHaveEveryGroupAndGroupsMatchTheirFolders() {
        SharedData.require(FaceFolders.UTKFACE_FOLDER);
        SharedData.require(FaceFolders.CIFAR_FOLDER);
        FaceSet set = FaceFolders.utkFaceAndCifar(200, 100, 3);
        assertEquals(300, set.size(), set.toString());
        assertEquals(200, set.faces().length);
        assertEquals(List.of(), set.skipped());
        assertEquals(UtkFaceName.GROUPS, set.groupNames());
        assertTrue(Arrays.stream(set.groupCounts()).allMatch(c -> c > 0), set.toString());
        for (int i : set.faces()) {
            // females/black/25_1_1_....jpg.chip.jpg -> "female Black": the folder and the file name agree
            String[] parts = set.source(i).split("/");
            String folderGroup = parts[0].replaceAll("s$", "") + " " + parts[1];
            assertEquals(folderGroup.toLowerCase(Locale.ROOT), set.groupName(i).toLowerCase(Locale.ROOT), set.source(i));
        }
        for (int i : set.nonFaces()) {
            assertTrue(set.source(i).matches("test/[a-z]+/\\d{4}\\.jpg"), set.source(i));
        }
        assertArrayEquals(set.image(0), FaceFolders.utkFaceAndCifar(200, 100, 3).image(0), "same seed, same pixels");
    }

    @Test
    void withoutTheDataFolderTheRealPhotosAreExplained(@TempDir Path empty) {
        SharedData.withDataDirectory(empty.toString(), () -> {
            DataUnavailableException e = assertThrows(DataUnavailableException.class,
                    () -> FaceFolders.utkFaceAndCifar(10, 10, 1));
            assertTrue(e.getMessage().contains("utkface-random200/") && e.getMessage().contains("INTRODL_DATA")
                    && e.getMessage().contains("SyntheticFaces"), e.getMessage());
        });
    }

    // ---- the course's HDF5 file ----

    /** N images whose pixel (row 1, column 2) is stored B = i, G = 100, R = 200 + i % 50; the rest 0. */
    private static byte[][][][] bgrImages(int n) {
        byte[][][][] images = new byte[n][64][64][3];
        for (int i = 0; i < n; i++) {
            images[i][1][2] = new byte[] {(byte) i, 100, (byte) (200 + i % 50)};
        }
        return images;
    }

    private static Path h5(Path file, Consumer<WritableHdfFile> content) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            content.accept(hdf);
        }
        return file;
    }

    private static final DatasetCreationOptions UINT8 = DatasetCreationOptions.builder().unsigned().build();

    @Test
    void theCourseHdf5FileIsReadAsRgbChannelFirstWithItsLabels(@TempDir Path dir) {
        float[][] labels = {{1}, {0}, {1}, {1}, {0}};
        Path file = h5(dir.resolve("train_face.h5"), hdf -> {
            hdf.putDataset("images", bgrImages(5), UINT8);
            hdf.putDataset("labels", labels);
        });
        FaceSet set = CourseFaces.read(file);
        assertEquals(5, set.size());
        assertArrayEquals(new int[] {0, 2, 3}, set.faces());
        assertEquals(List.of(), set.groupNames());
        assertEquals(-1, set.group(0));
        assertEquals("train_face.h5 #3", set.source(3));
        float[] image = set.image(3);
        int at = 64 + 2; // row 1, column 2
        assertEquals(203 / 255f, image[at], 1e-6, "red plane comes from the third stored channel");
        assertEquals(100 / 255f, image[PLANE + at], 1e-6);
        assertEquals(3 / 255f, image[2 * PLANE + at], 1e-6, "blue plane comes from the first stored channel");
        assertEquals(0f, image[at + 1]);

        FaceSet first = CourseFaces.readFirst(file, 2);
        assertEquals(2, first.size());
        assertArrayEquals(set.image(1), first.image(1));
    }

    @Test
    void aSampleOfTheCourseFileReadsExactlyTheChosenImagesWhateverTheStorageLayout(@TempDir Path dir) {
        int n = 150;
        int[][] labels = new int[n][1];
        for (int i = 0; i < n; i++) {
            labels[i][0] = i % 3 == 0 ? 1 : 0;
        }
        byte[][][][] images = bgrImages(n);
        // contiguous (h5py's default), compressed whole-image chunks (the last one partly empty), and
        // chunks that split images, read through jHDF's general slices
        List<DatasetCreationOptions> layouts = List.of(UINT8,
                DatasetCreationOptions.builder().unsigned().chunkDimensions(16, 64, 64, 3).deflate().build(),
                DatasetCreationOptions.builder().unsigned().chunkDimensions(8, 32, 64, 3).build());
        FaceSet first = null;
        for (int layout = 0; layout < layouts.size(); layout++) {
            DatasetCreationOptions options = layouts.get(layout);
            Path file = h5(dir.resolve("layout" + layout + ".h5"), hdf -> {
                hdf.putDataset("images", images, options);
                hdf.putDataset("labels", labels);
            });
            FaceSet sample = CourseFaces.sample(file, 40, 11);
            assertEquals(40, sample.size());
            int previous = -1;
            for (int k = 0; k < sample.size(); k++) {
                int i = Integer.parseInt(sample.source(k).replace("layout" + layout + ".h5 #", ""));
                assertTrue(i > previous, "file order");
                previous = i;
                float[] image = sample.image(k);
                assertEquals(i / 255f, image[2 * PLANE + 66], 1e-6, "layout " + layout + ", pixels of image " + i);
                assertEquals((200 + i % 50) / 255f, image[66], 1e-6, "layout " + layout + ", pixels of image " + i);
                assertEquals(0f, image[65]);
                assertEquals(i % 3 == 0, sample.isFace(k));
            }
            if (first == null) {
                first = sample;
            } else {
                for (int k = 0; k < sample.size(); k++) {
                    assertArrayEquals(first.image(k), sample.image(k), "layout " + layout + ", image " + k);
                }
            }
            FaceSet all = CourseFaces.sample(file, 5000, 11);
            assertEquals(n, all.size());
            assertEquals((200 + 149 % 50) / 255f, all.image(149)[66], 1e-6, "the last image, in the last chunk");
        }
    }

    @Test
    void badHdf5FilesAreRejectedNamingTheFileAndWhatWasFound(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("train_face.h5"), "<html>a download error page</html>");
        assertMessage(InvalidDataException.class, text + " cannot be read as an HDF5 file", () -> CourseFaces.read(text));

        Path good = h5(dir.resolve("good.h5"), hdf -> {
            hdf.putDataset("images", bgrImages(40), UINT8);
            hdf.putDataset("labels", new float[40]);
        });
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.h5"), Arrays.copyOf(bytes, bytes.length / 3));
        assertMessage(InvalidDataException.class, truncated.toString(), () -> CourseFaces.read(truncated));

        Path small = h5(dir.resolve("small.h5"), hdf -> {
            hdf.putDataset("images", new byte[2][32][32][3], UINT8);
            hdf.putDataset("labels", new float[] {1, 0});
        });
        assertMessage(InvalidDataException.class, small + ": dataset 'images' has shape [2, 32, 32, 3]",
                () -> CourseFaces.read(small));
        Path floats = h5(dir.resolve("floats.h5"), hdf -> {
            hdf.putDataset("images", new float[1][64][64][3]);
            hdf.putDataset("labels", new float[] {1});
        });
        assertMessage(InvalidDataException.class, "expected 8-bit unsigned integers", () -> CourseFaces.read(floats));
        Path noLabels = h5(dir.resolve("nolabels.h5"), hdf -> hdf.putDataset("images", bgrImages(2), UINT8));
        assertMessage(InvalidDataException.class, noLabels + " has no dataset 'labels'", () -> CourseFaces.read(noLabels));
        Path fewLabels = h5(dir.resolve("few.h5"), hdf -> {
            hdf.putDataset("images", bgrImages(3), UINT8);
            hdf.putDataset("labels", new float[][] {{1}, {0}});
        });
        assertMessage(InvalidDataException.class, "has 2 labels but 'images' has 3", () -> CourseFaces.read(fewLabels));
        Path badLabel = h5(dir.resolve("badlabel.h5"), hdf -> {
            hdf.putDataset("images", bgrImages(2), UINT8);
            hdf.putDataset("labels", new float[] {1, 0.5f});
        });
        assertMessage(InvalidDataException.class, badLabel + ": label 1 is 0.5", () -> CourseFaces.read(badLabel));
        assertMessage(DataUnavailableException.class, CourseFaces.URL,
                () -> CourseFaces.read(dir.resolve("absent.h5")));
    }

    @Test
    void withoutTheCourseFileLocateSaysWhereToDownloadItAndWhereToPutIt(@TempDir Path empty) {
        SharedData.withDataDirectory(empty.toString(), () -> {
            DataUnavailableException e = assertThrows(DataUnavailableException.class, CourseFaces::locate);
            assertTrue(e.getMessage().contains(CourseFaces.URL) && e.getMessage().contains("Lab 2")
                    && e.getMessage().contains(empty.resolve("mit6s191").resolve("train_face.h5").toString()),
                    e.getMessage());
        });
    }

    // ---- synthetic faces ----

    @Test
    void syntheticFacesAreDeterministicAndHaveTheRequestedShares() {
        FaceSet a = SyntheticFaces.generate(200, 100, 0.25, 0.4, 5);
        FaceSet b = SyntheticFaces.generate(200, 100, 0.25, 0.4, 5);
        FaceSet c = SyntheticFaces.generate(200, 100, 0.25, 0.4, 6);
        assertEquals(300, a.size());
        assertEquals(200, a.faces().length);
        assertEquals(SyntheticFaces.GROUPS, a.groupNames());
        // 50 dark (20 with glasses), 150 light (60 with glasses)
        assertArrayEquals(new int[] {90, 60, 30, 20}, a.groupCounts());
        assertTrue(Arrays.stream(a.nonFaces()).allMatch(i -> a.group(i) == -1));
        assertEquals("synthetic #7", a.source(7));
        boolean anyDifferent = false;
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.image(i), b.image(i), "image " + i);
            assertEquals(a.group(i), b.group(i));
            anyDifferent |= !Arrays.equals(a.image(i), c.image(i));
        }
        assertTrue(anyDifferent, "another seed draws other images");
        assertFalse(Arrays.equals(a.image(0), a.image(1)));

        FaceSet skewed = SyntheticFaces.skewedTraining(2000, 1);
        assertEquals(1000, skewed.faces().length);
        assertArrayEquals(new int[] {855, 95, 45, 5}, skewed.groupCounts(), "5% dark, 10% glasses");
        FaceSet balanced = SyntheticFaces.balancedTest(800, 2);
        assertEquals(400, balanced.nonFaces().length);
        assertArrayEquals(new int[] {100, 100, 100, 100}, balanced.groupCounts());
        assertThrows(IllegalArgumentException.class, () -> SyntheticFaces.generate(10, 10, 1.5, 0, 1));
    }

    @Test
    void syntheticPixelsAreInRangeAndDarkFacesAreDarkerInTheMiddle() {
        FaceSet set = SyntheticFaces.balancedTest(400, 9);
        double[] centre = new double[2];
        int[] count = new int[2];
        float min = 1;
        float max = 0;
        for (int i = 0; i < set.size(); i++) {
            float[] image = set.image(i);
            for (float v : image) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (set.isFace(i)) {
                // the cheeks and nose, between the eyes and the mouth: skin, whatever the pose
                double sum = 0;
                for (int c = 0; c < 3; c++) {
                    for (int y = 34; y < 39; y++) {
                        for (int x = 26; x < 38; x++) {
                            sum += image[c * PLANE + y * 64 + x];
                        }
                    }
                }
                int dark = set.group(i) >= 2 ? 1 : 0;
                centre[dark] += sum / (3 * 5 * 12);
                count[dark]++;
            }
        }
        assertTrue(min >= 0 && max <= 1 && max - min > 0.9, min + ".." + max);
        double light = centre[0] / count[0];
        double dark = centre[1] / count[1];
        assertTrue(light > 0.6 && dark < 0.45, "mean centre brightness: light skin " + light + ", dark skin " + dark);
    }

    private static void assertMessage(Class<? extends Throwable> type, String part,
            org.junit.jupiter.api.function.Executable body) {
        Throwable e = assertThrows(type, body);
        assertTrue(String.valueOf(e.getMessage()).contains(part), "expected '" + part + "' in: " + e.getMessage());
    }
}
