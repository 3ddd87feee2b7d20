package introdl.lab;

import ai.djl.Model;
import introdl.faces.BiasAudit;
import introdl.faces.DbVaeBlock;
import introdl.faces.FaceSet;
import introdl.faces.FaceSplits;
import introdl.faces.Resampling;
import introdl.faces.TestFaces;
import introdl.generative.Latent;
import introdl.generative.Outliers;
import introdl.generative.Pictures;
import introdl.io.AtomicFiles;
import introdl.report.HtmlReport;
import introdl.train.History;
import introdl.train.Models;
import introdl.train.Proportion;
import introdl.viz.ImageFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What Lab 2 writes into its run folder: the data and its documented mix, the bias audit of the
 * standard CNN and the DB-VAE side by side (per-group bars with 95% intervals, tables, and the
 * spread over seeds), the DB-VAE's reconstructions, the faces it up-weights most and least, and a
 * latent traversal; then index.html and results.json.
 */
public final class FacesReport {
    private static final int SCALE = 2;

    private final LabRun run;
    private final FaceSplits.Experiment experiment;
    private final HtmlReport html;
    private final Map<String, Object> table = new LinkedHashMap<>();
    private final List<BiasAudit> standard = new ArrayList<>();
    private final List<BiasAudit> debiased = new ArrayList<>();
    private final FaceSet testFaces;
    private final boolean drawn;
    private final FaceSet yours;
    private float[] yoursCnn;
    private float[] yoursDbvae;
    private final List<TestFaces.Scores> standardTest = new ArrayList<>();
    private final List<TestFaces.Scores> debiasedTest = new ArrayList<>();
    private final FaceSet secondSet;
    private final List<Proportion> standardSecond = new ArrayList<>();
    private final List<Proportion> debiasedSecond = new ArrayList<>();
    private final List<Runnable> sections = new ArrayList<>();
    private Map<String, Double> groupWeights = Map.of();

    /**
     * A report on an experiment described as {@code data}; every model also scores
     * {@code testFaces}, the course's test faces prepared as the training images were (null when the
     * data folder does not have them) and {@code secondSet}, another set of photographed faces from
     * elsewhere (the Olivetti faces; null to leave it out), and the first
     * seed's models score {@code yours}, the user's own pictures (--classify; may be empty).
     */
    public FacesReport(LabRun run, String data, FaceSplits.Experiment experiment, FaceSet testFaces, FaceSet secondSet,
            FaceSet yours) {
        this.run = run;
        this.experiment = experiment;
        this.testFaces = testFaces;
        this.secondSet = secondSet;
        this.drawn = data.equals("embedded");
        this.yours = yours;
        this.html = run.report("Lab 2: face detection, its bias, and a debiasing VAE (" + data + ")");
        table.put("training set", experiment.train().toString());
        table.put("held-out test set", experiment.test().toString());
        table.put("mix", experiment.mix());
        List<String> skipped = new ArrayList<>(experiment.train().skipped());
        if (!skipped.isEmpty()) {
            table.put("unreadable images", skipped.size() + " listed in skipped.txt and left out");
            AtomicFiles.writeString(run.file("skipped.txt"), String.join("\n", skipped) + "\n");
        }
    }

    /** The standard classifier of one seed: its audit, and its loss curve for the first seed. */
    public BiasAudit standard(Model cnn, History history) {
        BiasAudit audit = BiasAudit.of("standard CNN", cnn, experiment.test());
        if (testFaces != null) {
            standardTest.add(TestFaces.score("standard CNN", cnn, testFaces));
        }
        if (secondSet != null) {
            standardSecond.add(BiasAudit.of("standard CNN", cnn, secondSet).faces());
        }
        if (standard.isEmpty()) {
            yoursCnn = yours.size() == 0 ? new float[0] : BiasAudit.logits("standard CNN", cnn, yours);
            Models.save(cnn, run.file("model/cnn"));
            history.plotLoss(run.file("cnn-loss.png"));
        }
        standard.add(audit);
        return audit;
    }

    /** The DB-VAE of one seed: its audit and, for the first seed, its pictures. */
    public BiasAudit debiased(Model dbvae, History history, Resampling resampling) {
        BiasAudit audit = BiasAudit.of("DB-VAE", dbvae, experiment.test());
        if (testFaces != null) {
            debiasedTest.add(TestFaces.score("DB-VAE", dbvae, testFaces));
        }
        if (secondSet != null) {
            debiasedSecond.add(BiasAudit.of("DB-VAE", dbvae, secondSet).faces());
        }
        if (debiased.isEmpty()) {
            yoursDbvae = yours.size() == 0 ? new float[0] : BiasAudit.logits("DB-VAE", dbvae, yours);
            Models.save(dbvae, run.file("model/dbvae"));
            history.plotLoss(run.file("dbvae-loss.png"));
            pictures(dbvae, resampling);
        }
        debiased.add(audit);
        return audit;
    }

    private void pictures(Model dbvae, Resampling resampling) {
        FaceSet test = experiment.test();
        FaceSet faces = test.subset(test.faces(), "test faces");
        FaceSet showcase = faces.subset(Pictures.spreadIndices(faces.size(), 12), "showcase");
        save("dbvae-reconstructions.png", Pictures.reconstructions(showcase.examples(),
                Latent.reconstruct(dbvae, showcase.examples()), 12, SCALE));
        double[] p = resampling.probabilities(dbvae);
        int[] ranking = Outliers.ranking(p);
        int[] trainFaces = resampling.faceIndices();
        groupWeights = groupWeights(p, trainFaces);
        if (!groupWeights.isEmpty()) {
            StringBuilder weights = new StringBuilder();
            groupWeights.forEach((group, w) -> weights.append(String.format(Locale.ROOT, "%s%s %.2fx",
                    weights.length() == 0 ? "" : ", ", group, w)));
            table.put("resampling: mean weight of each group's training faces (1 = uniform)", weights.toString());
        }
        save("upweighted-most.png", weighted(ranking, 0, trainFaces, p));
        save("upweighted-least.png", weighted(ranking, ranking.length - 16, trainFaces, p));
        float[][] codes = Latent.encode(dbvae, showcase.examples());
        int[] dims = Latent.mostVaried(Latent.encode(dbvae, faces.examples()), 4);
        save("traversal.png", Pictures.grid(Latent.traverse(dbvae, codes[0], dims, 7, 2.5), FaceSet.IMAGE, 7, SCALE));
        int latent = ((DbVaeBlock) dbvae.getBlock()).latent();
        sections.add(() -> html.heading("What the DB-VAE learnt about faces")
                .image("dbvae-reconstructions.png", "Held-out faces (top) and the DB-VAE's reconstructions from μ "
                        + "(bottom): a " + latent + "-number code of each face, learnt without attribute labels")
                .image("upweighted-most.png", "The training faces resampling draws most often (weight = probability "
                        + "x number of faces; 1 = uniform)")
                .image("upweighted-least.png", "... and least often: the most common kind of face")
                .image("traversal.png", "Traversal: each row varies one of the 4 latent dimensions that vary most "
                        + "across faces, from -2.5 to 2.5, the others fixed at a held-out face's code")
                .image("dbvae-loss.png", "DB-VAE loss per epoch (BCE + faces' c·KL + L1)"));
    }

    /** The mean weight (probability x number of faces) of each group's training faces. */
    private Map<String, Double> groupWeights(double[] p, int[] trainFaces) {
        FaceSet train = experiment.train();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int g = 0; g < train.groupNames().size(); g++) {
            double sum = 0;
            int count = 0;
            for (int f = 0; f < trainFaces.length; f++) {
                if (train.group(trainFaces[f]) == g) {
                    sum += p[f] * p.length;
                    count++;
                }
            }
            if (count > 0) {
                weights.put(train.groupNames().get(g), sum / count);
            }
        }
        return weights;
    }

    private BufferedImage weighted(int[] ranking, int from, int[] trainFaces, double[] p) {
        FaceSet train = experiment.train();
        List<float[]> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        List<Boolean> marked = new ArrayList<>();
        for (int k = Math.max(0, from); k < Math.min(ranking.length, Math.max(0, from) + 16); k++) {
            int i = trainFaces[ranking[k]];
            images.add(train.image(i));
            String group = train.groupName(i);
            captions.add(String.format(Locale.ROOT, "%s%.1fx", group.isEmpty() ? "" : group + " ",
                    p[ranking[k]] * p.length));
            marked.add(false);
        }
        return Pictures.captioned(images, captions, marked, FaceSet.IMAGE, 8, SCALE);
    }

    private void save(String name, BufferedImage image) {
        ImageFiles.writePng(image, run.file(name));
    }

    /** Writes index.html and results.json. */
    public void write() {
        BiasAudit.chart("Detection rate per group on held-out faces (95% Wilson intervals)",
                List.of(standard.get(0), debiased.get(0))).save(run.file("bias.png"));
        Map<String, Object> figures = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (var model : List.of(standard, debiased)) {
            String key = model == debiased ? "dbvae" : "cnn";
            List<String> row = new ArrayList<>(List.of(model.get(0).model()));
            row.addAll(cells(model));
            rows.add(row);
            FIGURES.forEach((name, figure) -> figures.put(key + "_" + name, stats(model, figure)));
        }
        if (testFaces != null) {
            figures.put("cnn_test_faces_detected", standardTest.stream().mapToInt(TestFaces.Scores::detected).toArray());
            figures.put("dbvae_test_faces_detected", debiasedTest.stream().mapToInt(TestFaces.Scores::detected).toArray());
            figures.put("cnn_test_faces_mean_probability", standardTest.get(0).meanProbability());
            figures.put("dbvae_test_faces_mean_probability", debiasedTest.get(0).meanProbability());
        }
        if (secondSet != null) {
            figures.put("cnn_olivetti_detection", standardSecond.stream().mapToDouble(Proportion::rate).toArray());
            figures.put("dbvae_olivetti_detection", debiasedSecond.stream().mapToDouble(Proportion::rate).toArray());
        }
        figures.put("seeds", standard.size());
        figures.put("resampling_weights", groupWeights);
        html.table(table);
        html.heading("Bias audit").image("bias.png", "Share of held-out faces of each group called a face, and of "
                + "non-faces (false positives), for both models (first seed)");
        html.table(List.of("model (" + standard.size() + " seed" + (standard.size() == 1 ? "" : "s") + ", mean ± sd)",
                "faces detected", "worst group", "worst-group gap", "false positives"), rows);
        html.preformatted(standard.get(0).table() + "\n" + debiased.get(0).table());
        if (testFaces != null) {
            TestFaces.chart(List.of(standardTest.get(0), debiasedTest.get(0))).save(run.file("test-faces.png"));
            html.heading("The course's test faces").paragraph("The course ends Lab 2 here: its 20 photographs, 5 per "
                    + "group, which no model here trained on, scored by both models. " + testFacesLine()
                    + (drawn ? " " + DRAWINGS_WARNING : ""))
                    .image("test-faces.png", "Mean face probability per group (first seed), standard CNN beside DB-VAE")
                    .preformatted(standardTest.get(0) + "\n" + debiasedTest.get(0));
        } else if (drawn) {
            html.paragraph(DRAWINGS_WARNING);
        }
        if (secondSet != null) {
            html.heading("Photographs from elsewhere").paragraph("The " + secondSet.size() + " " + secondSet.name()
                    + " (grey photographs of 40 people, AT&T Laboratories Cambridge, 1992-94), which no model here "
                    + "trained on: a detector that generalises finds nearly all of them. " + secondSetLine());
        }
        if (yours.size() > 0) {
            html.heading("Your pictures").preformatted(String.join("\n", yourPictures()));
            List<Double> cnnP = new ArrayList<>();
            List<Double> dbvaeP = new ArrayList<>();
            for (int i = 0; i < yours.size(); i++) {
                cnnP.add(TestFaces.probability(yoursCnn[i]));
                dbvaeP.add(TestFaces.probability(yoursDbvae[i]));
            }
            figures.put("your_pictures_cnn_probability", cnnP);
            figures.put("your_pictures_dbvae_probability", dbvaeP);
        }
        if (Files.exists(run.file("cnn-loss.png"))) {
            html.image("cnn-loss.png", "Standard CNN: binary cross-entropy per epoch");
        }
        sections.forEach(Runnable::run);
        html.heading("Files").link("model/", "Saved models (model/cnn, model/dbvae)").link("config.json",
                "Configuration").link(Reports.RESULTS, "results.json");
        html.write(run.file("index.html"));
        run.folder().writeJson(Reports.RESULTS, figures);
    }

    /** The figures of an audit reported over seeds, by their results.json name, in table order. */
    private static final Map<String, ToDoubleFunction<BiasAudit>> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("detection", a -> a.faces().rate());
        FIGURES.put("worst_group_detection", FacesReport::worstRate);
        FIGURES.put("gap", BiasAudit::gap);
        FIGURES.put("false_positive_rate", a -> a.falsePositives().rate());
    }

    /** Each figure of {@link #FIGURES} over the seeds of one model, as mean ± sd. */
    private static List<String> cells(List<BiasAudit> audits) {
        return FIGURES.values().stream().map(figure -> spread(audits, figure)).toList();
    }

    private static double worstRate(BiasAudit audit) {
        return audit.groups().isEmpty() ? audit.faces().rate() : audit.detection().get(audit.worstGroup()).rate();
    }

    private static String spread(List<BiasAudit> audits, ToDoubleFunction<BiasAudit> figure) {
        double[] s = stats(audits, figure);
        return audits.size() == 1 ? String.format(Locale.ROOT, "%.1f%%", 100 * s[0])
                : String.format(Locale.ROOT, "%.1f ± %.1f%%", 100 * s[0], 100 * s[1]);
    }

    /** Mean and sample standard deviation of a figure over the seeds. */
    static double[] stats(List<BiasAudit> audits, ToDoubleFunction<BiasAudit> figure) {
        double[] values = audits.stream().mapToDouble(figure).toArray();
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double ss = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return new double[] {mean, values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0};
    }

    /** What the drawn-faces lab says of itself, in the terminal and the report. */
    public static final String DRAWINGS_WARNING = "These detectors learnt from drawings: they do not detect photographs "
            + "(see the course's test faces). Trained on real faces (--dataset utkface, UTKFace; README: Full "
            + "datasets), the same models find 9 to 17 of the 20 (standard CNN, 3 seeds: 14, 9, 17; DB-VAE 11, 11, 12) "
            + "and 96-99% of 400 Olivetti face photographs (BENCHMARKS.md, 2026-12-01).";

    /** One line per picture of the user's: its face probability from each model of the first seed. */
    public List<String> yourPictures() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < yours.size(); i++) {
            lines.add(String.format(Locale.ROOT, "%s: face probability %.3f (standard CNN), %.3f (DB-VAE)",
                    yours.source(i), TestFaces.probability(yoursCnn[i]), TestFaces.probability(yoursDbvae[i])));
        }
        return lines;
    }

    /** How many of the course's 20 test faces each model detected, per seed. */
    public String testFacesLine() {
        return String.format(Locale.ROOT, "Of the course's 20 test faces, the standard CNN detected %s and the DB-VAE %s%s.",
                counts(standardTest), counts(debiasedTest), standard.size() > 1 ? " (one figure per seed)" : "");
    }

    private static String counts(List<TestFaces.Scores> scores) {
        return String.join(", ", scores.stream().map(s -> String.valueOf(s.detected())).toList());
    }

    /** The share of the second set of photographs each model detected, per seed, with Wilson intervals. */
    public String secondSetLine() {
        return String.format(Locale.ROOT, "Of the %d %s, the standard CNN detected %s and the DB-VAE %s.",
                secondSet.size(), secondSet.name(), shares(standardSecond), shares(debiasedSecond));
    }

    private static String shares(List<Proportion> detected) {
        return String.join(", ", detected.stream().map(Proportion::toString).toList());
    }

    /** One line per model: mean ± sd over seeds of detection, worst group, gap and false positives. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (var model : List.of(standard, debiased)) {
            List<String> cells = cells(model);
            sb.append(String.format(Locale.ROOT, "%-13s faces detected %s, worst group %s, gap %s, false positives %s%n",
                    model.get(0).model(), cells.get(0), cells.get(1), cells.get(2), cells.get(3)));
        }
        if (testFaces != null) {
            sb.append(testFacesLine()).append('\n');
        }
        if (secondSet != null) {
            sb.append(secondSetLine()).append('\n');
        }
        return sb.toString();
    }
}
