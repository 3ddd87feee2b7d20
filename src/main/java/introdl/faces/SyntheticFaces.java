package introdl.faces;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Drawn faces and non-faces, the offline stand-in for the lab's photos: every lab step and test runs
 * with them in a second, and, unlike photos, every face's attributes are known exactly.
 *
 * <p>A face is a head (an ellipse in a skin tone) with ears, neck and shoulders, hair of some colour
 * and style, eyebrows, eyes, nose and mouth, and, for some, glasses; it is drawn with small random
 * changes of position, size and expression, lit from a random side and brightness, over the same
 * kinds of backgrounds as the non-faces. A non-face is one of several scenes that share the faces'
 * colours and shapes but not their arrangement: featureless skin-coloured blobs (some with "hair"),
 * blobs with randomly placed spots, geometric shapes, simple objects (ball, house, tree, car),
 * stripes and textures. So a classifier cannot tell faces by colour or by "an ellipse in the middle";
 * it must learn the layout of a face.
 *
 * <p>Each face has two attributes, skin tone (light or dark) and glasses (no or yes), making the
 * four {@link #GROUPS}. Dark faces differ from light ones in more than colour, so that the rare
 * group looks different from the common one as it does in photo collections: their eyebrows, eyes
 * and lips contrast less with the skin (as a camera records them on darker skin, above all in dim
 * light), and, as a drawing convention of this generator only, their heads are a little broader and
 * their hair short, curly or shaved. Among the non-faces, most skin-coloured blobs are dark. So with few dark faces in training a detector
 * learns "dark head-like shape without clear features = not a face" and misses dark faces more
 * often, while the same detector trained on a balanced mix finds them as well as light ones: the
 * bias comes from the skewed data, which is what the lab measures and then reduces.
 * {@link #skewedTraining} is that training mix; {@link #balancedTest} has every group equally, for
 * the audit.
 *
 * <p>Measured (2,000 skewed training images, 5 epochs of Adam 1e-3 with batches of 32, 2-class
 * softmax, 800 balanced test images; seeds 1-3): a small CNN (conv 16, conv 32, dense 64) detects
 * 98-100% of light faces but 75-91% of dark ones, a gap of 12-20 points; the lecture's CNN (conv 32,
 * conv 64, dense 1024) 99-100% against 88-94%, a gap of 9-11 points. Trained on a balanced mix
 * instead, both find 96-98% of dark faces.
 *
 * <p>Generation is deterministic: the same arguments give the same pixels (each image is drawn from
 * its own random stream, so images are drawn in parallel).
 */
public final class SyntheticFaces {
    /** The groups, index = group: skin tone, and whether the face wears glasses. */
    public static final List<String> GROUPS =
            List.of("light skin", "light skin + glasses", "dark skin", "dark skin + glasses");
    /** Share of dark-skinned faces in {@link #skewedTraining}. */
    public static final double SKEWED_DARK_SHARE = 0.05;
    /** Share of faces with glasses in {@link #skewedTraining}. */
    public static final double SKEWED_GLASSES_SHARE = 0.10;

    private static final int SIDE = FaceSet.SIDE;
    private static final int PLANE = SIDE * SIDE;
    private static final int NON_FACE = -2;

    private static final int[][] LIGHT_SKIN = {
        {241, 194, 167}, {234, 190, 158}, {225, 175, 140}, {250, 212, 188}, {218, 168, 134}, {236, 200, 170}};
    private static final int[][] DARK_SKIN = {
        {108, 70, 48}, {92, 58, 40}, {120, 80, 56}, {78, 50, 36}, {132, 88, 62}, {100, 66, 50}};
    private static final int[][] LIGHT_HAIR = {
        {40, 28, 20}, {90, 60, 35}, {150, 110, 60}, {215, 185, 120}, {160, 70, 35}, {170, 170, 170}, {20, 18, 18}};
    private static final int[][] DARK_HAIR = {{20, 16, 14}, {35, 25, 20}, {50, 35, 25}, {130, 130, 130}};
    private static final int[] DARK_HAIR_STYLES = {0, 2, 2, 4};
    private static final int[][] IRIS = {{60, 40, 25}, {90, 60, 30}, {60, 100, 150}, {70, 110, 70}, {30, 25, 20}};

    private SyntheticFaces() {}

    /** The group index of a face with these attributes. */
    public static int group(boolean dark, boolean glasses) {
        return (dark ? 2 : 0) + (glasses ? 1 : 0);
    }

    /**
     * {@code faces} faces and {@code nonFaces} non-faces in a seeded random order.
     *
     * @param darkShare the share of faces with dark skin: exactly {@code round(faces * darkShare)}
     * @param glassesShare the share of faces with glasses, the same among light and dark faces
     *     (rounded within each), so the two attributes are independent
     * @param seed fixes every pixel
     */
    public static FaceSet generate(int faces, int nonFaces, double darkShare, double glassesShare, long seed) {
        if (faces < 0 || nonFaces < 0 || faces + nonFaces == 0) {
            throw new IllegalArgumentException("need a non-negative number of faces and non-faces, not both 0; got "
                    + faces + " and " + nonFaces);
        }
        if (!(darkShare >= 0 && darkShare <= 1) || !(glassesShare >= 0 && glassesShare <= 1)) {
            throw new IllegalArgumentException("shares must be in [0, 1], got darkShare " + darkShare
                    + " and glassesShare " + glassesShare);
        }
        int dark = (int) Math.round(faces * darkShare);
        int darkGlasses = (int) Math.round(dark * glassesShare);
        int lightGlasses = (int) Math.round((faces - dark) * glassesShare);
        List<Integer> plan = new ArrayList<>(faces + nonFaces);
        add(plan, group(true, true), darkGlasses);
        add(plan, group(true, false), dark - darkGlasses);
        add(plan, group(false, true), lightGlasses);
        add(plan, group(false, false), faces - dark - lightGlasses);
        add(plan, NON_FACE, nonFaces);
        Collections.shuffle(plan, new Random(seed));

        int n = plan.size();
        float[] pixels = new float[Math.multiplyExact(n, FaceSet.PIXELS)];
        float[] labels = new float[n];
        int[] groups = new int[n];
        List<String> sources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = plan.get(i);
            labels[i] = kind == NON_FACE ? 0 : 1;
            groups[i] = kind == NON_FACE ? FaceSet.NO_GROUP : kind;
            sources.add("synthetic #" + i);
        }
        // each image from its own stream, a function of (seed, index): parallel and still deterministic
        IntStream.range(0, n).parallel().forEach(i -> {
            SplittableRandom random = new SplittableRandom(mix(seed, i));
            float[] image = draw(plan.get(i), random);
            System.arraycopy(image, 0, pixels, i * FaceSet.PIXELS, FaceSet.PIXELS);
        });
        String name = String.format("synthetic(dark %.0f%%, glasses %.0f%%)", 100 * darkShare, 100 * glassesShare);
        return FaceSet.checked(name, pixels, labels, groups, GROUPS, sources, List.of());
    }

    /**
     * The skewed training mix: {@code n} images, half faces, of which 5% have dark skin
     * ({@link #SKEWED_DARK_SHARE}) and 10% glasses ({@link #SKEWED_GLASSES_SHARE}), a stand-in for photo collections
     * where some groups are rare.
     */
    public static FaceSet skewedTraining(int n, long seed) {
        return generate(n / 2, n - n / 2, SKEWED_DARK_SHARE, SKEWED_GLASSES_SHARE, seed).renamed("synthetic-skewed");
    }

    /**
     * A balanced audit set: {@code n} images, half faces split equally among the four groups (half
     * dark, half with glasses, independently), half non-faces.
     */
    public static FaceSet balancedTest(int n, long seed) {
        return generate(n / 2, n - n / 2, 0.5, 0.5, seed).renamed("synthetic-balanced");
    }

    private static void add(List<Integer> plan, int kind, int count) {
        for (int i = 0; i < count; i++) {
            plan.add(kind);
        }
    }

    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---- drawing ----

    private static float[] draw(int kind, SplittableRandom r) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            background(g, r);
            if (kind == NON_FACE) {
                nonFace(g, r);
            } else {
                face(g, r, kind >= 2, (kind & 1) == 1);
            }
        } finally {
            g.dispose();
        }
        return light(image, r);
    }

    /** Backgrounds shared by faces and non-faces, so the background says nothing about the class. */
    private static void background(Graphics2D g, SplittableRandom r) {
        Color a = randomColour(r);
        Color b = randomColour(r);
        switch (r.nextInt(5)) {
            case 0 -> fill(g, a);
            case 1, 2 -> {
                g.setPaint(new GradientPaint(r.nextInt(SIDE), 0, a, r.nextInt(SIDE), SIDE, b));
                g.fillRect(0, 0, SIDE, SIDE);
            }
            case 3 -> {
                fill(g, a);
                g.setColor(blend(a, b, 0.35));
                int width = 3 + r.nextInt(8);
                boolean vertical = r.nextBoolean();
                for (int p = r.nextInt(width); p < SIDE; p += 2 * width) {
                    if (vertical) {
                        g.fillRect(p, 0, width, SIDE);
                    } else {
                        g.fillRect(0, p, SIDE, width);
                    }
                }
            }
            default -> {
                fill(g, a);
                for (int k = 0; k < 6; k++) {
                    g.setColor(blend(a, randomColour(r), 0.3));
                    int w = 8 + r.nextInt(30);
                    int h = 8 + r.nextInt(30);
                    g.fillRect(r.nextInt(SIDE) - w / 2, r.nextInt(SIDE) - h / 2, w, h);
                }
            }
        }
    }

    private static void face(Graphics2D g, SplittableRandom r, boolean dark, boolean glasses) {
        double s = 0.85 + 0.25 * r.nextDouble();
        double cx = 32 + gauss(r, 2.5);
        double cy = 33 + gauss(r, 2.5);
        // dark faces differ in more than colour, as groups do in photos: broader heads, other hair styles
        double a = 14.5 * s * (dark ? 1.1 : 1.0);
        double b = 18.5 * s;
        Color skin = jitter(pick(dark ? DARK_SKIN : LIGHT_SKIN, r), r, 8);
        Color hair = jitter(pick(dark ? DARK_HAIR : LIGHT_HAIR, r), r, 6);
        Color shade = scale(skin, 0.82);
        // 0 short, 1 long, 2 curls, 3 fringe, 4 shaved; dark faces: short, curls (twice as often) or shaved
        int hairStyle = dark ? DARK_HAIR_STYLES[r.nextInt(DARK_HAIR_STYLES.length)] : r.nextInt(5);

        // hair behind the head (long hair, curls)
        g.setColor(hair);
        if (hairStyle == 1) {
            g.fill(new RoundRectangle2D.Double(cx - a * 1.2, cy - b * 1.1, a * 2.4, b * 2.2, a, a));
        } else if (hairStyle == 2) {
            g.fill(new Ellipse2D.Double(cx - a * 1.35, cy - b * 1.3, a * 2.7, b * 1.9));
        }
        // shoulders and neck
        g.setColor(randomColour(r));
        g.fill(new Ellipse2D.Double(cx - a * 2.2, cy + b * 1.05, a * 4.4, b * 1.6));
        g.setColor(shade);
        g.fill(new java.awt.geom.Rectangle2D.Double(cx - a * 0.45, cy + b * 0.6, a * 0.9, b * 0.6));
        // ears, head
        g.setColor(skin);
        g.fill(new Ellipse2D.Double(cx - a - 2.5 * s, cy - 3 * s, 5 * s, 8 * s));
        g.fill(new Ellipse2D.Double(cx + a - 2.5 * s, cy - 3 * s, 5 * s, 8 * s));
        g.fill(new Ellipse2D.Double(cx - a, cy - b, 2 * a, 2 * b));
        // hair on top (none for style 4: bald or shaved)
        g.setColor(hair);
        if (hairStyle != 4) {
            double depth = 0.55 + 0.25 * r.nextDouble();
            g.fill(new Arc2D.Double(cx - a * 1.04, cy - b * 1.08, a * 2.08, b * 2 * depth, 0, 180, Arc2D.CHORD));
            if (hairStyle == 3) { // fringe
                g.fill(new Ellipse2D.Double(cx - a * 0.8, cy - b * 0.75, a * 1.3, b * 0.45));
            }
        }

        double eyeY = cy - b * (0.08 + 0.06 * r.nextDouble());
        double eyeDx = a * (0.38 + 0.06 * r.nextDouble());
        double tilt = gauss(r, 0.6);
        Color iris = jitter(pick(IRIS, r), r, 8);
        Color white = new Color(235, 232, 225);
        if (dark) {
            iris = blend(iris, skin, 0.4);
            white = blend(white, skin, 0.35);
        }
        // features contrast with the skin as they do on real faces: strongly on light skin, less on dark
        Color brow = dark ? blend(hair, skin, 0.6) : hair;
        Color lips = dark ? jitter(blend(skin, new Color(70, 35, 35), 0.35), r, 6)
                : jitter(blend(skin, new Color(185, 75, 75), 0.55), r, 8);
        for (int side = -1; side <= 1; side += 2) {
            double ex = cx + side * eyeDx;
            double ey = eyeY + side * tilt;
            g.setColor(white);
            g.fill(new Ellipse2D.Double(ex - 3 * s, ey - 1.6 * s, 6 * s, 3.2 * s));
            g.setColor(iris);
            g.fill(new Ellipse2D.Double(ex - 1.7 * s, ey - 1.7 * s, 3.4 * s, 3.4 * s));
            g.setColor(new Color(15, 12, 12));
            g.fill(new Ellipse2D.Double(ex - 0.8 * s, ey - 0.8 * s, 1.6 * s, 1.6 * s));
            g.setColor(brow);
            g.setStroke(new BasicStroke((float) (1.3 * s)));
            double lift = 3.8 * s + gauss(r, 0.5);
            g.draw(new Line2D.Double(ex - 3.2 * s, ey - lift + side * 0.6, ex + 3.2 * s, ey - lift - side * 0.6));
        }
        // nose: a shadow line and nostrils
        g.setColor(scale(skin, dark ? 0.82 : 0.72));
        g.setStroke(new BasicStroke((float) (1.0 * s)));
        double noseY = cy + b * 0.22;
        g.draw(new Line2D.Double(cx + side(r) * 0.5, eyeY + 2 * s, cx + 1.2 * s, noseY));
        g.fill(new Ellipse2D.Double(cx - 2.6 * s, noseY - 0.6 * s, 2 * s, 1.3 * s));
        g.fill(new Ellipse2D.Double(cx + 0.6 * s, noseY - 0.6 * s, 2 * s, 1.3 * s));
        // mouth: a smile, a line or open
        double mouthY = cy + b * (0.45 + 0.05 * r.nextDouble());
        double mouthW = a * (0.55 + 0.2 * r.nextDouble());
        g.setColor(lips);
        switch (r.nextInt(3)) {
            case 0 -> {
                g.setStroke(new BasicStroke((float) (1.8 * s)));
                g.draw(new Arc2D.Double(cx - mouthW / 2, mouthY - 3 * s, mouthW, 5 * s, 200, 140, Arc2D.OPEN));
            }
            case 1 -> g.fill(new Ellipse2D.Double(cx - mouthW / 2, mouthY - 1.2 * s, mouthW, 2.4 * s));
            default -> {
                g.fill(new Ellipse2D.Double(cx - mouthW / 2, mouthY - 2 * s, mouthW, 4 * s));
                g.setColor(new Color(60, 20, 20));
                g.fill(new Ellipse2D.Double(cx - mouthW / 3, mouthY - 1 * s, mouthW * 2 / 3, 2 * s));
            }
        }
        if (glasses) {
            glasses(g, r, cx, eyeY, eyeDx, tilt, s, a);
        }
    }

    private static void glasses(Graphics2D g, SplittableRandom r, double cx, double eyeY, double eyeDx, double tilt,
            double s, double a) {
        Color frame = switch (r.nextInt(4)) {
            case 0 -> new Color(20, 20, 20);
            case 1 -> new Color(90, 55, 30);
            case 2 -> new Color(170, 170, 180);
            default -> jitter(new Color(120, 30, 40), r, 30);
        };
        boolean round = r.nextBoolean();
        boolean tinted = r.nextInt(4) == 0;
        double w = 8.5 * s;
        double h = (round ? 8.5 : 6.5) * s;
        g.setStroke(new BasicStroke((float) (1.1 + 0.5 * r.nextDouble())));
        for (int side = -1; side <= 1; side += 2) {
            double ex = cx + side * eyeDx;
            double ey = eyeY + side * tilt;
            java.awt.Shape lens = round ? new Ellipse2D.Double(ex - w / 2, ey - h / 2, w, h)
                    : new RoundRectangle2D.Double(ex - w / 2, ey - h / 2, w, h, 3 * s, 3 * s);
            if (tinted) {
                g.setColor(new Color(30, 30, 40, 110));
                g.fill(lens);
            }
            g.setColor(frame);
            g.draw(lens);
            // the temple, towards the ear
            g.draw(new Line2D.Double(ex + side * w / 2, ey - h / 4, cx + side * a, ey - h / 4 + 1));
        }
        g.draw(new Line2D.Double(cx - eyeDx + w / 2, eyeY - tilt, cx + eyeDx - w / 2, eyeY + tilt));
    }

    /** Scenes without a face: the same colours and shapes, never a face's arrangement. */
    private static void nonFace(Graphics2D g, SplittableRandom r) {
        switch (r.nextInt(8)) {
            case 0, 1 -> blobs(g, r, false);
            case 2 -> blobs(g, r, true);
            case 3 -> shapes(g, r);
            case 4 -> object(g, r);
            case 5 -> lines(g, r);
            case 6 -> {
                shapes(g, r);
                blobs(g, r, false);
            }
            default -> {
                // nothing but the background (light and noise are added for every image)
            }
        }
    }

    /** One to three skin-coloured (light or dark) or other ellipses, some with "hair", no features. */
    private static void blobs(Graphics2D g, SplittableRandom r, boolean spots) {
        int count = 1 + (r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0);
        for (int k = 0; k < count; k++) {
            double s = count == 1 ? 0.8 + 0.35 * r.nextDouble() : 0.4 + 0.5 * r.nextDouble();
            double a = 14.5 * s * (0.8 + 0.4 * r.nextDouble());
            double b = 18.5 * s * (0.8 + 0.4 * r.nextDouble());
            double cx = count == 1 ? 32 + gauss(r, 4) : 10 + r.nextInt(44);
            double cy = count == 1 ? 33 + gauss(r, 4) : 10 + r.nextInt(44);
            // mostly dark skin tones (3 in 5), then light (1 in 5) and any colour (1 in 5): the dark
            // featureless "heads" are what a detector trained on few dark faces confuses them with
            int tone = r.nextInt(5);
            boolean darkSkin = tone <= 2;
            Color colour = darkSkin ? jitter(pick(DARK_SKIN, r), r, 8)
                    : tone == 3 ? jitter(pick(LIGHT_SKIN, r), r, 8) : randomColour(r);
            if (r.nextInt(darkSkin ? 2 : 3) == 0) { // a body below, as under a head
                g.setColor(randomColour(r));
                g.fill(new Ellipse2D.Double(cx - a * 2.2, cy + b * 1.05, a * 4.4, b * 1.6));
            }
            g.setColor(colour);
            g.fill(new Ellipse2D.Double(cx - a, cy - b, 2 * a, 2 * b));
            if (r.nextInt(3) == 0) { // a hair-like cap or a dark band, with no face below
                g.setColor(jitter(pick(r.nextBoolean() ? DARK_HAIR : LIGHT_HAIR, r), r, 6));
                g.fill(new Arc2D.Double(cx - a * 1.04, cy - b * 1.08, a * 2.08, b * (1.1 + 0.5 * r.nextDouble()),
                        0, 180, Arc2D.CHORD));
            }
            if (spots) {
                int n = 2 + r.nextInt(5);
                for (int d = 0; d < n; d++) {
                    // spots scattered over the blob, not in a face's two-eyes-above-a-mouth layout
                    g.setColor(r.nextBoolean() ? new Color(20, 15, 15) : new Color(235, 232, 225));
                    double size = 1.5 + 2.5 * r.nextDouble();
                    g.fill(new Ellipse2D.Double(cx + (r.nextDouble() * 2 - 1) * a * 0.8 - size / 2,
                            cy + (r.nextDouble() * 2 - 1) * b * 0.8 - size / 2, size, size));
                }
            }
        }
    }

    private static void shapes(Graphics2D g, SplittableRandom r) {
        int count = 2 + r.nextInt(5);
        for (int k = 0; k < count; k++) {
            g.setColor(r.nextInt(3) == 0 ? jitter(pick(r.nextBoolean() ? DARK_SKIN : LIGHT_SKIN, r), r, 10)
                    : randomColour(r));
            int x = r.nextInt(SIDE);
            int y = r.nextInt(SIDE);
            int w = 6 + r.nextInt(26);
            int h = 6 + r.nextInt(26);
            switch (r.nextInt(4)) {
                case 0 -> g.fillRect(x - w / 2, y - h / 2, w, h);
                case 1 -> g.fill(new Ellipse2D.Double(x - w / 2.0, y - h / 2.0, w, h));
                case 2 -> g.fill(new Polygon(new int[] {x, x + w / 2, x - w / 2},
                        new int[] {y - h / 2, y + h / 2, y + h / 2}, 3));
                default -> {
                    g.setStroke(new BasicStroke(1 + r.nextInt(3)));
                    g.draw(new Ellipse2D.Double(x - w / 2.0, y - h / 2.0, w, h));
                }
            }
        }
    }

    private static void lines(Graphics2D g, SplittableRandom r) {
        int count = 3 + r.nextInt(8);
        for (int k = 0; k < count; k++) {
            g.setColor(randomColour(r));
            g.setStroke(new BasicStroke(1 + r.nextInt(4)));
            g.draw(new Line2D.Double(r.nextInt(SIDE), r.nextInt(SIDE), r.nextInt(SIDE), r.nextInt(SIDE)));
        }
    }

    /** A simple object: a ball, a house, a tree or a car. */
    private static void object(Graphics2D g, SplittableRandom r) {
        double cx = 32 + gauss(r, 5);
        double cy = 34 + gauss(r, 5);
        double s = 0.8 + 0.4 * r.nextDouble();
        switch (r.nextInt(4)) {
            case 0 -> {
                Color ball = randomColour(r);
                double rad = 15 * s;
                g.setColor(ball);
                g.fill(new Ellipse2D.Double(cx - rad, cy - rad, 2 * rad, 2 * rad));
                g.setColor(blend(ball, Color.WHITE, 0.5));
                g.fill(new Ellipse2D.Double(cx - rad * 0.5, cy - rad * 0.6, rad * 0.5, rad * 0.4));
            }
            case 1 -> {
                g.setColor(randomColour(r));
                g.fill(new java.awt.geom.Rectangle2D.Double(cx - 15 * s, cy - 6 * s, 30 * s, 22 * s));
                g.setColor(randomColour(r));
                g.fill(new Polygon(new int[] {(int) (cx - 18 * s), (int) cx, (int) (cx + 18 * s)},
                        new int[] {(int) (cy - 6 * s), (int) (cy - 22 * s), (int) (cy - 6 * s)}, 3));
                g.setColor(randomColour(r));
                g.fill(new java.awt.geom.Rectangle2D.Double(cx - 10 * s, cy, 7 * s, 7 * s));
                g.fill(new java.awt.geom.Rectangle2D.Double(cx + 3 * s, cy, 7 * s, 7 * s));
            }
            case 2 -> {
                g.setColor(new Color(100 + r.nextInt(40), 65 + r.nextInt(25), 35));
                g.fill(new java.awt.geom.Rectangle2D.Double(cx - 3 * s, cy, 6 * s, 26 * s));
                g.setColor(new Color(30 + r.nextInt(50), 100 + r.nextInt(80), 30 + r.nextInt(40)));
                g.fill(new Ellipse2D.Double(cx - 16 * s, cy - 24 * s, 32 * s, 30 * s));
            }
            default -> {
                g.setColor(randomColour(r));
                g.fill(new RoundRectangle2D.Double(cx - 24 * s, cy - 6 * s, 48 * s, 14 * s, 6, 6));
                g.fill(new RoundRectangle2D.Double(cx - 13 * s, cy - 15 * s, 26 * s, 12 * s, 6, 6));
                g.setColor(new Color(200, 220, 235));
                g.fill(new java.awt.geom.Rectangle2D.Double(cx - 10 * s, cy - 13 * s, 9 * s, 7 * s));
                g.fill(new java.awt.geom.Rectangle2D.Double(cx + 1 * s, cy - 13 * s, 9 * s, 7 * s));
                g.setColor(new Color(25, 25, 25));
                g.fill(new Ellipse2D.Double(cx - 18 * s, cy + 3 * s, 9 * s, 9 * s));
                g.fill(new Ellipse2D.Double(cx + 9 * s, cy + 3 * s, 9 * s, 9 * s));
            }
        }
    }

    /** Floats with a random brightness, a light gradient from a random side, and sensor noise. */
    private static float[] light(BufferedImage image, SplittableRandom r) {
        int[] argb = image.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE);
        double brightness = 0.75 + 0.4 * r.nextDouble();
        double angle = r.nextDouble() * 2 * Math.PI;
        double gx = Math.cos(angle) * 0.25 * r.nextDouble() / SIDE;
        double gy = Math.sin(angle) * 0.25 * r.nextDouble() / SIDE;
        float noise = (float) (0.01 + 0.03 * r.nextDouble());
        float[] out = new float[3 * PLANE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = y * SIDE + x;
                float gain = (float) (brightness * (1 + gx * (x - SIDE / 2.0) + gy * (y - SIDE / 2.0)));
                int p = argb[i];
                out[i] = clamp(((p >> 16) & 0xff) / 255f * gain + noise * (float) (r.nextDouble() - 0.5) * 2);
                out[PLANE + i] = clamp(((p >> 8) & 0xff) / 255f * gain + noise * (float) (r.nextDouble() - 0.5) * 2);
                out[2 * PLANE + i] = clamp((p & 0xff) / 255f * gain + noise * (float) (r.nextDouble() - 0.5) * 2);
            }
        }
        return out;
    }

    // ---- colour helpers ----

    private static float clamp(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private static void fill(Graphics2D g, Color colour) {
        g.setColor(colour);
        g.fillRect(0, 0, SIDE, SIDE);
    }

    private static Color randomColour(SplittableRandom r) {
        return Color.getHSBColor((float) r.nextDouble(), (float) (0.1 + 0.7 * r.nextDouble()),
                (float) (0.15 + 0.85 * r.nextDouble()));
    }

    private static Color pick(int[][] palette, SplittableRandom r) {
        int[] c = palette[r.nextInt(palette.length)];
        return new Color(c[0], c[1], c[2]);
    }

    private static Color jitter(Color c, SplittableRandom r, int amount) {
        int d = r.nextInt(2 * amount + 1) - amount;
        return new Color(channel(c.getRed() + d + r.nextInt(5) - 2), channel(c.getGreen() + d + r.nextInt(5) - 2),
                channel(c.getBlue() + d + r.nextInt(5) - 2));
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color(channel((int) Math.round(a.getRed() * (1 - t) + b.getRed() * t)),
                channel((int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t)),
                channel((int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t)));
    }

    private static Color scale(Color c, double f) {
        return new Color(channel((int) (c.getRed() * f)), channel((int) (c.getGreen() * f)),
                channel((int) (c.getBlue() * f)));
    }

    private static int channel(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static double gauss(SplittableRandom r, double sd) {
        // sum of three uniforms: close enough to a normal for jitter, and bounded
        return (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5) * 2 * sd;
    }

    private static double side(SplittableRandom r) {
        return r.nextBoolean() ? 1 : -1;
    }
}
