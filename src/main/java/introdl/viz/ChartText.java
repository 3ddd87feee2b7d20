package introdl.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * What the hand-drawn charts share, so they look like one family: the fonts, a white antialiased
 * canvas, and the centred bold title.
 */
final class ChartText {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** The baseline of a title at the top of a chart. */
    static final int TITLE_BASELINE = 22;

    private ChartText() {}

    /** A white image of this size and its graphics, with antialiased shapes and text. */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** Draws {@code title} in black bold, centred across {@code width}. */
    static void title(Graphics2D g, String title, int width) {
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        g.drawString(title, (width - g.getFontMetrics().stringWidth(title)) / 2, TITLE_BASELINE);
    }
}
