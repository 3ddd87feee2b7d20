package introdl.train;

import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import introdl.train.optimizer.Adadelta;
import introdl.train.optimizer.Adagrad;
import introdl.train.optimizer.Lion;
import introdl.train.optimizer.MatrixDecayAdamW;
import introdl.train.optimizer.Nesterov;
import introdl.train.optimizer.RmsProp;
import java.util.List;
import java.util.Locale;

/**
 * The optimisers of the lecture, as specifications the fit loop turns into DJL optimisers once it
 * knows the length of training (for the learning-rate schedule). SGD, momentum, Adam and AdamW are
 * DJL's own; Nesterov, Adagrad, Adadelta and RMSProp come from {@code introdl.train.optimizer},
 * because DJL's PyTorch engine does not implement them, and so does Lion, which DJL does not have.
 *
 * <pre>{@code
 * Fit.of(model).optimizer(Optimizers.adam(1e-3).schedule(Schedule.cosine(0)).weightDecay(1e-4))
 * }</pre>
 */
public final class Optimizers {
    /** The names {@link #named} accepts. */
    public static final List<String> NAMES =
            List.of("sgd", "momentum", "nesterov", "adam", "adamw", "adagrad", "adadelta", "rmsprop", "lion");

    private Optimizers() {}

    /** Plain stochastic gradient descent: w -= lr * g. */
    public static Spec sgd(double learningRate) {
        return new Spec("sgd", learningRate, 0, 0, Schedule.constant());
    }

    /** SGD with momentum: v = m v + g; w -= lr * v. */
    public static Spec sgd(double learningRate, double momentum) {
        return new Spec("momentum", learningRate, momentum, 0, Schedule.constant());
    }

    /** SGD with Nesterov momentum. */
    public static Spec nesterov(double learningRate, double momentum) {
        return new Spec("nesterov", learningRate, momentum, 0, Schedule.constant());
    }

    /** Adam: adaptive moment estimation. */
    public static Spec adam(double learningRate) {
        return new Spec("adam", learningRate, 0, 0, Schedule.constant());
    }

    /** AdamW: Adam with decoupled weight decay. */
    public static Spec adamW(double learningRate) {
        return new Spec("adamw", learningRate, 0, 0, Schedule.constant());
    }

    /** Adagrad: per-weight rates that shrink with the sum of squared gradients. */
    public static Spec adagrad(double learningRate) {
        return new Spec("adagrad", learningRate, 0, 0, Schedule.constant());
    }

    /** Adadelta: Adagrad's successor, which needs no hand-set rate (lr 1, as in the paper and PyTorch). */
    public static Spec adadelta() {
        return new Spec("adadelta", 1, 0, 0, Schedule.constant());
    }

    /** Adadelta with its step scaled by {@code learningRate}. */
    public static Spec adadelta(double learningRate) {
        return new Spec("adadelta", learningRate, 0, 0, Schedule.constant());
    }

    /** RMSProp: rates scaled by a running average of squared gradients. */
    public static Spec rmsprop(double learningRate) {
        return new Spec("rmsprop", learningRate, 0, 0, Schedule.constant());
    }

    /**
     * Lion: steps of equal size in the direction of the sign of the blended gradient and momentum
     * (the course's Lab 3 optimiser; weight decay decoupled, as AdamW's).
     */
    public static Spec lion(double learningRate) {
        return new Spec("lion", learningRate, 0, 0, Schedule.constant());
    }

    /**
     * An optimiser by name (one of {@link #NAMES}, any case) with a learning rate; "momentum"
     * and "nesterov" use momentum 0.9.
     */
    public static Spec named(String name, double learningRate) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "sgd":
                return sgd(learningRate);
            case "momentum":
                return sgd(learningRate, 0.9);
            case "nesterov":
                return nesterov(learningRate, 0.9);
            case "adam":
                return adam(learningRate);
            case "adamw":
                return adamW(learningRate);
            case "adagrad":
                return adagrad(learningRate);
            case "adadelta":
                return adadelta(learningRate);
            case "rmsprop":
                return rmsprop(learningRate);
            case "lion":
                return lion(learningRate);
            default:
                throw new IllegalArgumentException("unknown optimiser '" + name + "'; expected one of "
                        + String.join(", ", NAMES));
        }
    }

    /** An optimiser with its learning rate, schedule, momentum and weight decay. Immutable. */
    public static final class Spec {
        /** Adam's usual decay of its running mean of squared gradients. */
        private static final double DEFAULT_BETA2 = 0.999;
        private final String name;
        private final double learningRate;
        private final double momentum;
        private final double weightDecay;
        private final Schedule schedule;
        private final double beta2;
        private final boolean matricesOnly;

        private Spec(String name, double learningRate, double momentum, double weightDecay, Schedule schedule) {
            this(name, learningRate, momentum, weightDecay, schedule, DEFAULT_BETA2, false);
        }

        private Spec(String name, double learningRate, double momentum, double weightDecay, Schedule schedule,
                double beta2, boolean matricesOnly) {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            }
            if (!(weightDecay >= 0)) {
                throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
            }
            this.name = name;
            this.learningRate = learningRate;
            this.momentum = momentum;
            this.weightDecay = weightDecay;
            if (!(beta2 > 0 && beta2 < 1)) {
                throw new IllegalArgumentException("beta2 must be in (0, 1), got " + beta2);
            }
            this.schedule = schedule;
            this.beta2 = beta2;
            this.matricesOnly = matricesOnly;
        }

        public String name() {
            return name;
        }

        public double learningRate() {
            return learningRate;
        }

        /** The same optimiser with another learning-rate schedule. */
        public Spec schedule(Schedule newSchedule) {
            return new Spec(name, learningRate, momentum, weightDecay, newSchedule, beta2, matricesOnly);
        }

        /** The same optimiser with L2 weight decay (decoupled for AdamW). */
        public Spec weightDecay(double decay) {
            return new Spec(name, learningRate, momentum, decay, schedule, beta2, matricesOnly);
        }

        /** The same optimiser with another base learning rate. */
        public Spec learningRate(double rate) {
            return new Spec(name, rate, momentum, weightDecay, schedule, beta2, matricesOnly);
        }

        /**
         * The same AdamW with its weight decay on weight matrices and embeddings only, not on biases
         * or normalisation gains (as GPT-2 and nanoGPT train).
         */
        public Spec decayMatricesOnly() {
            if (!name.equals("adamw")) {
                throw new IllegalArgumentException("decaying matrices only is an AdamW setting, not " + name + "'s");
            }
            return new Spec(name, learningRate, momentum, weightDecay, schedule, beta2, true);
        }

        /**
         * The same Adam or AdamW with another decay of its running mean of squared gradients
         * (default 0.999): a shorter memory, as language models use (0.99 or 0.95), lets the step
         * size follow the gradients' scale as it changes during a short run.
         */
        public Spec beta2(double decay) {
            if (!name.startsWith("adam")) {
                throw new IllegalArgumentException("beta2 belongs to Adam and AdamW, not " + name);
            }
            return new Spec(name, learningRate, momentum, weightDecay, schedule, decay, matricesOnly);
        }

        /** The learning-rate tracker for a run of {@code epochs} epochs of {@code stepsPerEpoch} updates. */
        public Tracker tracker(int stepsPerEpoch, int epochs) {
            return schedule.tracker((float) learningRate, stepsPerEpoch, epochs);
        }

        /**
         * The DJL optimiser.
         *
         * @param stepsPerEpoch parameter updates per epoch
         * @param epochs epochs of training
         * @param clipValue element-wise gradient clip (DJL's clipGrad), or a negative number for none
         */
        public Optimizer build(int stepsPerEpoch, int epochs, double clipValue) {
            Tracker lr = tracker(stepsPerEpoch, epochs);
            float wd = (float) weightDecay;
            float clip = (float) clipValue;
            switch (name) {
                case "sgd":
                    return Optimizer.sgd().setLearningRateTracker(lr)
                            .optWeightDecays(wd).optClipGrad(clip).build();
                case "momentum":
                    return Optimizer.sgd().setLearningRateTracker(lr).optMomentum((float) momentum)
                            .optWeightDecays(wd).optClipGrad(clip).build();
                case "nesterov":
                    return Nesterov.builder().optLearningRateTracker(lr).optMomentum((float) momentum)
                            .optWeightDecays(wd).optClipGrad(clip).build();
                case "adam":
                    return Optimizer.adam().optLearningRateTracker(lr).optBeta2((float) beta2)
                            .optWeightDecays(wd).optClipGrad(clip).build();
                case "adamw":
                    AdamW.Builder adamW = Optimizer.adamW().optLearningRateTracker(lr).optBeta2((float) beta2);
                    adamW.optWeightDecays(wd).optClipGrad(clip);
                    return matricesOnly ? new MatrixDecayAdamW(adamW) : adamW.build();
                case "adagrad":
                    return Adagrad.builder().optLearningRateTracker(lr)
                            .optWeightDecays(wd).optClipGrad(clip).build();
                case "adadelta":
                    return Adadelta.builder().optLearningRateTracker(lr)
                            .optWeightDecays(wd).optClipGrad(clip).build();
                case "rmsprop":
                    return RmsProp.builder().optLearningRateTracker(lr)
                            .optWeightDecays(wd).optClipGrad(clip).build();
                case "lion":
                    return Lion.builder().optLearningRateTracker(lr)
                            .optWeightDecays(wd).optClipGrad(clip).build();
                default:
                    throw new IllegalStateException("unknown optimiser " + name);
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(name);
            sb.append(String.format(Locale.ROOT, " lr %.3g", learningRate));
            if (momentum > 0) {
                sb.append(String.format(Locale.ROOT, ", momentum %.3g", momentum));
            }
            if (beta2 != DEFAULT_BETA2) {
                sb.append(String.format(Locale.ROOT, ", beta2 %.3g", beta2));
            }
            sb.append(", ").append(schedule);
            if (weightDecay > 0) {
                sb.append(String.format(Locale.ROOT, ", weight decay %.3g%s", weightDecay,
                        matricesOnly ? " on matrices" : ""));
            }
            return sb.toString();
        }
    }
}
