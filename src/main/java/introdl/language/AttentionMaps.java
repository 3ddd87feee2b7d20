package introdl.language;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import introdl.viz.Heatmap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What a GPT looks at: the attention weights of every layer and head for one text, as numbers and
 * as pictures. Row t of a map is how token t shares its attention among tokens 0..t (the causal
 * mask keeps it off the later ones), so a head that always looks one token back shows as a line
 * just below the diagonal.
 *
 * <p>It lives beside {@link Gpt} rather than in {@code introdl.attention}, which {@code Gpt} is
 * built from, so the packages do not depend on each other in a circle.
 */
public final class AttentionMaps {
    private AttentionMaps() {}

    /**
     * Runs {@code gpt} (initialised) once over {@code ids} (1 to context tokens, no dropout) and
     * returns its attention weights as {@code [layer][head][query][key]}. Every array it makes lives
     * in a child of {@code manager}, closed before it returns.
     */
    public static float[][][][] of(Gpt gpt, NDManager manager, int[] ids) {
        int context = gpt.config().context();
        if (ids.length < 1 || ids.length > context) {
            throw new IllegalArgumentException("attention maps need 1 to " + context + " token ids, got " + ids.length);
        }
        int layers = gpt.config().layers();
        int heads = gpt.config().heads();
        int length = ids.length;
        float[][][][] maps = new float[layers][heads][length][length];
        try (NDManager scope = manager.newSubManager()) {
            List<NDArray> weights = new ArrayList<>();
            gpt.forward(new ParameterStore(scope, false), scope.create(ids).reshape(1, length), null, weights, false);
            for (int l = 0; l < layers; l++) {
                float[] flat = weights.get(l).toFloatArray(); // (1, heads, T, T), row-major
                for (int h = 0; h < heads; h++) {
                    for (int t = 0; t < length; t++) {
                        System.arraycopy(flat, (h * length + t) * length, maps[l][h][t], 0, length);
                    }
                }
            }
        }
        return maps;
    }

    /**
     * The maps of {@link #of} as one picture, a row of heads per layer, each map labelled with the
     * tokens ({@code label} names a token id: a tokenizer's decode of one id, say): queries down the
     * side, keys along the top.
     */
    public static java.awt.image.BufferedImage picture(float[][][][] maps, int[] ids, IntFunction<String> label) {
        List<String> tokens = new ArrayList<>();
        for (int id : ids) {
            tokens.add(visible(label.apply(id)));
        }
        List<Heatmap> panels = new ArrayList<>();
        for (int l = 0; l < maps.length; l++) {
            for (int h = 0; h < maps[l].length; h++) {
                if (maps[l][h].length != ids.length) {
                    throw new IllegalArgumentException("layer " + l + " head " + h + " has " + maps[l][h].length
                            + " rows for " + ids.length + " tokens");
                }
                panels.add(Heatmap.of(maps[l][h]).rows(tokens).columns(tokens)
                        .title("layer " + l + ", head " + h));
            }
        }
        return Heatmap.grid(panels, maps[0].length, "attention: each query token (down) over the keys it sees (across)");
    }

    /** Spaces and line breaks made visible, so a token that is only white space still has a label. */
    private static String visible(String token) {
        return token.replace(" ", "\u2423").replace("\n", "\u21b5").replace("\t", "\u2192");
    }
}
