package introdl.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import introdl.data.Digits;
import introdl.train.NoGrad;
import introdl.train.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The convolution sum and pooling by hand, against DJL's Conv2d and pooling. */
class ConvolutionAndPoolingTest {
    private NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
        Seeds.seedEngine(3);
    }

    @AfterEach
    void close() {
        m.close();
    }

    private float[][] random(int rows, int columns) {
        return Pixels.rows(m.randomNormal(new Shape(rows, columns)).toFloatArray(), rows, columns);
    }

    /** DJL's Conv2d with one input channel and one filter holding these weights. */
    private float[][] djlConvolution(float[][] input, float[][] kernel, float bias, int stride, int padding) {
        int k = kernel.length;
        Conv2d conv = Conv2d.builder().setFilters(1).setKernelShape(new Shape(k, k))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(padding, padding)).build();
        conv.initialize(m, DataType.FLOAT32, new Shape(1, 1, input.length, input[0].length));
        NoGrad.run(() -> {
            conv.getParameters().get("weight").getArray().set(new NDIndex("..."),
                    m.create(Pixels.flat(kernel), new Shape(1, 1, k, k)));
            conv.getParameters().get("bias").getArray().set(new NDIndex("..."), m.create(new float[] {bias}));
        });
        NDArray x = m.create(Pixels.flat(input), new Shape(1, 1, input.length, input[0].length));
        NDArray out = conv.forward(new ParameterStore(m, false), new NDList(x), false).head();
        return Pixels.rows(out.toFloatArray(), (int) out.getShape().get(2), (int) out.getShape().get(3));
    }

    @Test
    void theConvolutionSumEqualsDjlsConv2d() {
        for (int[] setting : new int[][] {{1, 0}, {2, 0}, {1, 1}, {2, 2}}) {
            float[][] input = random(9, 11);
            float[][] kernel = random(3, 3);
            float[][] ours = Convolution.apply(input, kernel, 0.5f, setting[0], setting[1]);
            float[][] djl = djlConvolution(input, kernel, 0.5f, setting[0], setting[1]);
            assertEquals(djl.length, ours.length, "rows with stride " + setting[0] + ", padding " + setting[1]);
            for (int r = 0; r < ours.length; r++) {
                assertArrayEquals(djl[r], ours[r], 1e-5f);
            }
        }
    }

    @Test
    void aKernelLargerThanTheInputOrABadStrideIsExplained() {
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> Convolution.apply(new float[3][3], new float[5][5], 0, 1, 0));
        assertTrue(big.getMessage().contains("5x5") && big.getMessage().contains("3x3"), big.getMessage());
        IllegalArgumentException stride = assertThrows(IllegalArgumentException.class,
                () -> Convolution.apply(new float[5][5], new float[3][3], 0, 0, 0));
        assertTrue(stride.getMessage().contains("stride"), stride.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pooling.MAX.apply(new float[2][2], 3));
        assertThrows(IllegalArgumentException.class,
                () -> Convolution.apply(new float[][] {{1, 2}, {3}}, new float[1][1], 0, 1, 0));
    }

    @Test
    void theLecturesMaxPoolingExample() {
        float[][] input = {{1, 1, 3, 9}, {2, 8, 3, 10}, {5, 5, 20, 1}, {1, 19, 1, 1}};
        float[][] pooled = Pooling.MAX.apply(input, 2);
        assertArrayEquals(new float[] {8, 10}, pooled[0]);
        assertArrayEquals(new float[] {19, 20}, pooled[1]);
        assertArrayEquals(new float[] {1, 3}, Pooling.MIN.apply(input, 2)[0]);
        assertArrayEquals(new float[] {3, 6.25f}, Pooling.MEAN.apply(input, 2)[0], 1e-6f);
    }

    @Test
    void poolingEqualsDjlsMaxAndAveragePooling() {
        float[][] input = random(8, 10);
        NDArray x = m.create(Pixels.flat(input), new Shape(1, 1, 8, 10));
        for (int[] setting : new int[][] {{2, 2}, {3, 1}, {3, 2}}) {
            Shape window = new Shape(setting[0], setting[0]);
            Shape stride = new Shape(setting[1], setting[1]);
            float[] max = Pool.maxPool2d(x, window, stride, new Shape(0, 0), false).toFloatArray();
            float[] mean = Pool.avgPool2d(x, window, stride, new Shape(0, 0), false, false).toFloatArray();
            float[] min = Pool.maxPool2d(x.neg(), window, stride, new Shape(0, 0), false).neg().toFloatArray();
            assertArrayEquals(max, Pixels.flat(Pooling.MAX.apply(input, setting[0], setting[1])), 1e-6f);
            assertArrayEquals(mean, Pixels.flat(Pooling.MEAN.apply(input, setting[0], setting[1])), 1e-5f);
            assertArrayEquals(min, Pixels.flat(Pooling.MIN.apply(input, setting[0], setting[1])), 1e-6f);
        }
    }

    @Test
    void classicFiltersDoWhatTheirNamesSay() {
        float[][] halves = new float[8][8];
        for (float[] row : halves) {
            java.util.Arrays.fill(row, 4, 8, 1f);
        }
        float[][] vertical = Filter.SOBEL_X.apply(halves);
        float[][] horizontal = Filter.SOBEL_Y.apply(halves);
        assertEquals(4f, vertical[4][4], 1e-6, "a vertical edge lights up Sobel x");
        assertEquals(0f, horizontal[4][4], 1e-6, "and not Sobel y");
        assertEquals(0f, Filter.EDGE_DETECT.apply(halves)[4][1], 1e-6, "flat regions have no edges");
        float[][] digit = Pixels.rows(Digits.load().sample(0), 20, 20);
        float[][] blurred = Filter.BLUR.apply(digit);
        assertEquals(20, blurred.length);
        double before = variance(digit);
        assertTrue(variance(blurred) < 0.8 * before, "blurring smooths the image");
        assertEquals(20, Pixels.image(Filter.SHARPEN.apply(digit)).getWidth());
    }

    private static double variance(float[][] image) {
        float[] flat = Pixels.flat(image);
        double mean = 0;
        for (float v : flat) {
            mean += v / flat.length;
        }
        double var = 0;
        for (float v : flat) {
            var += (v - mean) * (v - mean) / flat.length;
        }
        return var;
    }
}
