package introdl.faces;

import introdl.train.Proportion;
import ai.djl.Model;
import introdl.train.Inference;
import introdl.viz.BarChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How evenly a face detector works across groups of people, measured on faces it never trained
 * on: per group, the detection rate (share of faces called a face) with its 95% Wilson interval;
 * the worst-group gap (best group's rate minus the worst's); and the false-positive rate on
 * non-faces, so a detector cannot look fair by calling everything a face. An image is called a
 * face when its logit is above 0 (probability above ½).
 *
 * @param model the detector's name ("standard CNN", "DB-VAE")
 * @param groups the group names, in the order of {@code detection}
 * @param detection each group's faces detected out of its faces
 * @param faces all faces detected out of all faces
 * @param falsePositives non-faces called faces out of all non-faces
 */
public record BiasAudit(String model, List<String> groups, List<Proportion> detection, Proportion faces,
        Proportion falsePositives) {
    public BiasAudit {
        groups = List.copyOf(groups);
        detection = List.copyOf(detection);
        if (groups.size() != detection.size()) {
            throw new IllegalArgumentException(groups.size() + " group names for " + detection.size() + " groups");
        }
    }

    /** Audits {@code detector} (a model whose first output is the face logit) on {@code test}. */
    public static BiasAudit of(String name, Model detector, FaceSet test) {
        return of(name, logits(name, detector, test), test);
    }

    /**
     * The face logit of every image of {@code test} ({@code detector}'s first output).
     *
     * @throws IllegalArgumentException if the detector gives more than one output per image
     */
    public static float[] logits(String name, Model detector, FaceSet test) {
        float[][] out = Inference.outputs(detector, test.examples());
        float[] logits = new float[out.length];
        if (out.length > 0 && out[0].length != 1) {
            throw new IllegalArgumentException("the audit needs one face logit per image; " + name + " gives "
                    + out[0].length + " outputs (for a softmax over (non-face, face), audit the face column's logit "
                    + "with BiasAudit.of(name, logits, test))");
        }
        for (int i = 0; i < out.length; i++) {
            logits[i] = out[i][0];
        }
        return logits;
    }

    /** Audits face logits already computed, one per image of {@code test}. */
    public static BiasAudit of(String name, float[] logits, FaceSet test) {
        if (logits.length != test.size()) {
            throw new IllegalArgumentException(logits.length + " scores for " + test.size() + " images");
        }
        int groupCount = test.groupNames().size();
        int[] detected = new int[groupCount];
        int[] totals = new int[groupCount];
        int facesDetected = 0;
        int faceCount = 0;
        int falseAlarms = 0;
        int nonFaces = 0;
        for (int i = 0; i < logits.length; i++) {
            boolean calledFace = logits[i] > 0;
            if (test.isFace(i)) {
                faceCount++;
                facesDetected += calledFace ? 1 : 0;
                int g = test.group(i);
                if (g >= 0) {
                    totals[g]++;
                    detected[g] += calledFace ? 1 : 0;
                }
            } else {
                nonFaces++;
                falseAlarms += calledFace ? 1 : 0;
            }
        }
        List<Proportion> perGroup = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            perGroup.add(new Proportion(detected[g], totals[g]));
        }
        return new BiasAudit(name, test.groupNames(), perGroup, new Proportion(facesDetected, faceCount),
                new Proportion(falseAlarms, nonFaces));
    }

    /** The index of the group with the lowest detection rate (groups with faces only). */
    public int worstGroup() {
        return extremeGroup(-1);
    }

    /** The index of the group with the highest detection rate (groups with faces only). */
    public int bestGroup() {
        return extremeGroup(1);
    }

    private int extremeGroup(int sign) {
        int chosen = -1;
        for (int g = 0; g < detection.size(); g++) {
            if (detection.get(g).trials() > 0
                    && (chosen < 0 || sign * (detection.get(g).rate() - detection.get(chosen).rate()) > 0)) {
                chosen = g;
            }
        }
        if (chosen < 0) {
            throw new IllegalStateException("no group has any faces in the test set, so there is nothing to compare");
        }
        return chosen;
    }

    /** The best group's detection rate minus the worst group's (NaN when the test set has no groups). */
    public double gap() {
        if (detection.stream().noneMatch(p -> p.trials() > 0)) {
            return Double.NaN;
        }
        return detection.get(bestGroup()).rate() - detection.get(worstGroup()).rate();
    }

    /** A table: one line per group, then all faces, the gap and the false-positive rate. */
    public String table() {
        StringBuilder sb = new StringBuilder(model).append('\n');
        for (int g = 0; g < groups.size(); g++) {
            sb.append(String.format(Locale.ROOT, "  %-22s %s%n", groups.get(g), detection.get(g)));
        }
        sb.append(String.format(Locale.ROOT, "  %-22s %s%n", "all faces", faces));
        if (!Double.isNaN(gap())) {
            sb.append(String.format(Locale.ROOT, "  %-22s %.1f points (%s lowest, %s highest)%n", "worst-group gap",
                    100 * gap(), groups.get(worstGroup()), groups.get(bestGroup())));
        }
        sb.append(String.format(Locale.ROOT, "  %-22s %s%n", "false positives", falsePositives));
        return sb.toString();
    }

    /** Detection rate per group with 95% intervals, one bar per audited model. */
    public static BarChart chart(String title, List<BiasAudit> audits) {
        List<String> categories = new ArrayList<>(audits.get(0).groups());
        categories.add("non-faces (false pos.)");
        BarChart chart = BarChart.of(title, categories).yAxis("share called a face", 0, 1);
        for (BiasAudit audit : audits) {
            if (!audit.groups().equals(audits.get(0).groups())) {
                throw new IllegalArgumentException("audits of different groups cannot share a chart: "
                        + audit.groups() + " vs " + audits.get(0).groups());
            }
            int n = categories.size();
            double[] rate = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            for (int c = 0; c < n; c++) {
                Proportion p = c < n - 1 ? audit.detection().get(c) : audit.falsePositives();
                rate[c] = p.rate();
                low[c] = p.low();
                high[c] = p.high();
            }
            chart.series(audit.model(), rate, low, high);
        }
        return chart;
    }

    @Override
    public String toString() {
        return table();
    }
}
