package introdl.data;

import ai.djl.basicdataset.cv.classification.FashionMnist;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.util.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * MNIST and Fashion-MNIST (60,000 training and 10,000 test images of 28x28). Read from the
 * standard IDX files in {@code <data folder>/mnist/} or {@code <data folder>/fashion-mnist/}
 * (see {@link DataDirectory}) when present, otherwise downloaded once by DJL's basicdataset and
 * cached. With neither, the error says which files to download and where to put them.
 */
public enum Mnist {
    /** Handwritten digits 0-9. */
    DIGITS("mnist", "MNIST", "https://ossci-datasets.s3.amazonaws.com/mnist/", Digits.CLASSES),
    /** Zalando's clothing images, a harder drop-in replacement for MNIST. */
    FASHION("fashion-mnist", "Fashion-MNIST",
            "https://github.com/zalandoresearch/fashion-mnist/tree/master/data/fashion",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));

    /** Side of one image, in pixels. */
    public static final int SIDE = 28;

    private final String folder;
    private final String title;
    private final String downloadPage;
    private final List<String> classes;

    Mnist(String folder, String title, String downloadPage, List<String> classes) {
        this.folder = folder;
        this.title = title;
        this.downloadPage = downloadPage;
        this.classes = classes;
    }

    /** The 60,000 training and 10,000 test images, from the default data folder or a download. */
    public Split load() {
        return load(DataDirectory.fromSettings());
    }

    /** The 60,000 training and 10,000 test images, from {@code data} or a download. */
    public Split load(DataDirectory data) {
        Optional<Path> local = data.subfolder(folder);
        if (local.isPresent()) {
            return load(local.get());
        }
        return download();
    }

    /** The 60,000 training and 10,000 test images from the four IDX files in {@code dir}. */
    public Split load(Path dir) {
        return new Split(read(dir, "train"), read(dir, "t10k"));
    }

    /** The class names, index = label. */
    public List<String> classes() {
        return classes;
    }

    private Examples read(Path dir, String part) {
        Path imageFile = find(dir, part + "-images-idx3-ubyte");
        Path labelFile = find(dir, part + "-labels-idx1-ubyte");
        Idx.Array images = Idx.read(imageFile);
        Idx.Array labels = Idx.read(labelFile);
        if (images.dims().length != 3 || images.dims()[1] != SIDE || images.dims()[2] != SIDE) {
            throw new InvalidDataException(imageFile + " does not hold 28x28 images (header "
                    + java.util.Arrays.toString(images.dims()) + ")");
        }
        if (labels.dims().length != 1 || labels.count() != images.count()) {
            throw new InvalidDataException(labelFile + " holds " + labels.count() + " labels but "
                    + imageFile + " holds " + images.count() + " images");
        }
        float[] x = new float[images.data().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = images.unsigned(i) / 255f;
        }
        float[] y = new float[labels.count()];
        for (int i = 0; i < y.length; i++) {
            int label = labels.unsigned(i);
            if (label >= classes.size()) {
                throw new InvalidDataException(labelFile + ": label " + i + " is " + label
                        + ", expected 0.." + (classes.size() - 1));
            }
            y[i] = label;
        }
        return Examples.of(folder + "/" + (part.equals("train") ? "train" : "test"),
                x, new Shape(1, SIDE, SIDE), y, classes);
    }

    private Path find(Path dir, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new DataUnavailableException(title + ": " + base + ".gz is missing from " + dir + ". "
                + howToGet(dir.getParent()));
    }

    private Split download() {
        try (NDManager manager = NDManager.newBaseManager()) {
            return new Split(fromDjl(manager, Dataset.Usage.TRAIN), fromDjl(manager, Dataset.Usage.TEST));
        } catch (Exception e) {
            throw new DataUnavailableException(title + " is not on this machine and could not be downloaded ("
                    + e.getMessage() + "). " + howToGet(DataDirectory.root().orElse(null)), e);
        }
    }

    private Examples fromDjl(NDManager manager, Dataset.Usage usage) throws Exception {
        ArrayDataset dataset = this == DIGITS
                ? ai.djl.basicdataset.cv.classification.Mnist.builder()
                        .optManager(manager).optUsage(usage).setSampling(10_000, false).build()
                : FashionMnist.builder()
                        .optManager(manager).optUsage(usage).setSampling(10_000, false).build();
        dataset.prepare((Progress) null);
        int n = Math.toIntExact(dataset.size());
        float[] x = new float[n * SIDE * SIDE];
        float[] y = new float[n];
        int at = 0;
        for (Batch batch : dataset.getData(manager)) {
            try (batch) {
                NDArray images = batch.getData().head().div(255f);
                float[] pixels = images.toFloatArray();
                float[] labels = batch.getLabels().head().toFloatArray();
                System.arraycopy(pixels, 0, x, at * SIDE * SIDE, pixels.length);
                System.arraycopy(labels, 0, y, at, labels.length);
                at += labels.length;
            }
        }
        return Examples.of(folder + "/" + usage.name().toLowerCase(), x, new Shape(1, SIDE, SIDE), y, classes);
    }

    private String howToGet(Path root) {
        String where = root == null
                ? "a folder of your choice, say ~/datasets/" + folder + "/, and set " + DataDirectory.ENV + "=~/datasets"
                : root.resolve(folder) + "/ (" + DataDirectory.describe() + ")";
        return "Download train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
                + "t10k-labels-idx1-ubyte.gz from " + downloadPage + " into " + where + ".";
    }
}
