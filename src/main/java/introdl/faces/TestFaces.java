package introdl.faces;

import ai.djl.Model;
import introdl.data.InvalidDataException;
import introdl.train.Proportion;
import introdl.viz.BarChart;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The course's final test of Lab 2: its 20 evaluation photographs, 5 per group (light- and
 * dark-skinned, female and male), read from the data folder ({@code $INTRODL_DATA/mit6s191/test_faces/},
 * the course's MIT-licensed files). Every detector scores them; per group, the mean face probability (the course's bar chart, standard CNN
 * beside DB-VAE) and the share detected with its Wilson interval. They are photographs no model
 * here trained on, so they also show whether a detector finds faces at all.
 */
public final class TestFaces {
    /** The groups, in the course's order, with the folder each one's faces are in. */
    public static final List<String> GROUPS = List.of("light-skinned female", "light-skinned male",
            "dark-skinned female", "dark-skinned male");
    private static final List<String> FOLDERS = List.of("LF", "LM", "DF", "DM");
    /** The course's file names in each folder (its numbering, as published). */
    private static final List<List<String>> FILES = List.of(List.of("1", "11", "2", "4", "8"),
            List.of("1", "11", "5", "8", "9"), List.of("10", "19", "6", "7", "9"), List.of("20", "3", "5", "8", "9"));
    /** Where the faces are, under the data folder ({@link introdl.data.DataDirectory}). */
    public static final String FOLDER = "mit6s191/test_faces";

    private TestFaces() {}

    /** The 20 faces if the data folder has them ({@link #load()}), else empty. */
    public static java.util.Optional<FaceSet> find() {
        return find(introdl.data.DataDirectory.fromSettings());
    }

    /** The 20 faces if {@code data} has them, else empty. */
    public static java.util.Optional<FaceSet> find(introdl.data.DataDirectory data) {
        return data.subfolder(FOLDER).map(TestFaces::load);
    }

    /**
     * The 20 faces from the data folder.
     *
     * @throws introdl.data.DataUnavailableException if the data folder has no {@value #FOLDER}/, saying where
     *     to put it
     */
    public static FaceSet load() {
        return load(introdl.data.DataDirectory.folder(FOLDER).orElseThrow(() -> new introdl.data.DataUnavailableException(
                "the course's 20 test faces are not on this machine: put its test_faces/ folder (LF, LM, DF, DM, from "
                + "mitdeeplearning/data/faces/ of the course's repository) in $" + introdl.data.DataDirectory.ENV + "/" + FOLDER
                + "/ (" + introdl.data.DataDirectory.describe() + ")")));
    }

    /**
     * The 20 faces of {@code folder} (sub-folders LF, LM, DF, DM) as a face set, each photograph's
     * centre square scaled to 64x64 as {@link FaceImages} prepares every picture (the photographs
     * are nearly square, so this is the course's whole-image resize).
     *
     * @throws InvalidDataException naming the file if one is missing or unreadable
     */
    public static FaceSet load(java.nio.file.Path folder) {
        int plane = Math.toIntExact(FaceSet.IMAGE.size());
        float[] pixels = new float[20 * plane];
        float[] labels = new float[20];
        int[] groups = new int[20];
        List<String> sources = new ArrayList<>();
        int i = 0;
        for (int g = 0; g < GROUPS.size(); g++) {
            for (String file : FILES.get(g)) {
                String path = FOLDERS.get(g) + "/" + file + ".png";
                System.arraycopy(FaceImages.pixels(read(folder.resolve(path))), 0, pixels, i * plane, plane);
                labels[i] = 1;
                groups[i] = g;
                sources.add("test_faces/" + path);
                i++;
            }
        }
        return FaceSet.of("the course's 20 test faces", pixels, labels, groups, GROUPS, sources);
    }

    /**
     * One picture of the user's, read and checked.
     *
     * @throws IllegalArgumentException naming the file if it is missing or not an image Java can read
     */
    public static BufferedImage picture(java.nio.file.Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no file " + file.toAbsolutePath());
        }
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalArgumentException(file + " is not an image Java can read (use JPEG, PNG, BMP or GIF)");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The user's pictures as a face set (each centre square at 64x64), with no groups; empty for none. */
    public static FaceSet pictures(List<java.nio.file.Path> files) {
        int plane = Math.toIntExact(FaceSet.IMAGE.size());
        float[] pixels = new float[files.size() * plane];
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            System.arraycopy(FaceImages.pixels(picture(files.get(i))), 0, pixels, i * plane, plane);
            sources.add(files.get(i).toString());
        }
        float[] labels = new float[files.size()];
        java.util.Arrays.fill(labels, 1);
        int[] groups = new int[files.size()];
        java.util.Arrays.fill(groups, FaceSet.NO_GROUP);
        return FaceSet.of("your pictures", pixels, labels, groups, List.of(), sources);
    }

    private static BufferedImage read(java.nio.file.Path file) {
        try {
            return picture(file);
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException("a test face is missing or unreadable (" + e.getMessage() + "): the folder "
                    + "should hold the course's 20 faces, LF, LM, DF and DM with 5 each");
        }
    }

    /**
     * What one detector made of the test faces.
     *
     * @param model the detector's name
     * @param meanProbability per group of {@link #GROUPS}, the mean face probability
     * @param standardError per group, the standard error of that mean (sample sd over √5)
     * @param audit per group, the faces detected (probability above ½) with Wilson intervals
     */
    public record Scores(String model, double[] meanProbability, double[] standardError, BiasAudit audit) {
        public Scores {
            meanProbability = meanProbability.clone();
            standardError = standardError.clone();
        }

        /** How many of the 20 faces were detected. */
        public int detected() {
            return audit.faces().successes();
        }

        /** One line: faces detected overall and per group, and the mean probability per group. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: %d of %d test faces detected (%s);",
                    model, detected(), audit.faces().trials(), audit.faces()));
            for (int g = 0; g < GROUPS.size(); g++) {
                Proportion p = audit.detection().get(g);
                out.append(String.format(Locale.ROOT, " %s %d/%d (mean probability %.2f)%s", GROUPS.get(g),
                        p.successes(), p.trials(), meanProbability[g], g < GROUPS.size() - 1 ? "," : ""));
            }
            return out.toString();
        }
    }

    /** Scores {@code faces} (the test faces, prepared as the detector's training images were) with {@code detector}. */
    public static Scores score(String name, Model detector, FaceSet faces) {
        float[] logits = BiasAudit.logits(name, detector, faces);
        double[] mean = new double[GROUPS.size()];
        double[] error = new double[GROUPS.size()];
        for (int g = 0; g < GROUPS.size(); g++) {
            int[] members = faces.inGroup(g);
            double[] p = new double[members.length];
            for (int k = 0; k < members.length; k++) {
                p[k] = probability(logits[members[k]]);
            }
            double m = java.util.Arrays.stream(p).average().orElse(Double.NaN);
            double ss = java.util.Arrays.stream(p).map(v -> (v - m) * (v - m)).sum();
            mean[g] = m;
            error[g] = p.length > 1 ? Math.sqrt(ss / (p.length - 1) / p.length) : Double.NaN;
        }
        return new Scores(name, mean, error, BiasAudit.of(name, logits, faces));
    }

    /** The face probability σ(logit) of one image. */
    public static double probability(float logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    /** The course's chart: the mean face probability per group, one bar per detector, ±1.96 standard errors. */
    public static BarChart chart(List<Scores> scores) {
        BarChart chart = BarChart.of("The course's 20 test faces: mean face probability per group", GROUPS)
                .yAxis("mean face probability (± 1.96 standard errors)", 0, 1);
        for (Scores s : scores) {
            double[] low = new double[GROUPS.size()];
            double[] high = new double[GROUPS.size()];
            for (int g = 0; g < GROUPS.size(); g++) {
                low[g] = Math.max(0, s.meanProbability()[g] - Proportion.Z95 * s.standardError()[g]);
                high[g] = Math.min(1, s.meanProbability()[g] + Proportion.Z95 * s.standardError()[g]);
            }
            chart.series(s.model(), s.meanProbability(), low, high);
        }
        return chart;
    }
}
