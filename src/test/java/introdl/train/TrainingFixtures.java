package introdl.train;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import introdl.basics.Mlp;
import introdl.data.Digits;
import introdl.data.Examples;
import introdl.data.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small, fast training problems shared by the training tests. */
final class TrainingFixtures {
    /** 1000 training and 300 validation digits. */
    static final Split SMALL;

    static {
        Split digits = Digits.split(1);
        SMALL = new Split(digits.train().sample(1000, 1), digits.test().sample(300, 1));
    }

    private TrainingFixtures() {}

    /** A small MLP with batch norm and dropout, so resume must restore running statistics and the RNG. */
    static Model smallMlp() {
        return Models.create("small", Mlp.of(400, 10, 64, 32).withBatchNorm(true).withDropout(0.2).build());
    }

    /** All parameter values of a model, concatenated. */
    static float[] weights(Model model) {
        List<Float> all = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            for (float v : p.getValue().getArray().toFloatArray()) {
                all.add(v);
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    /** The history's figures without the wall-clock column, which always differs. */
    static List<Map<String, Double>> figures(History history) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (History.Epoch e : history.epochs()) {
            Map<String, Double> values = new java.util.LinkedHashMap<>(e.values());
            values.remove(History.SECONDS);
            out.add(values);
        }
        return out;
    }

    static Examples train() {
        return SMALL.train();
    }

    static Examples validation() {
        return SMALL.test();
    }
}
