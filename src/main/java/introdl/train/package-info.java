/**
 * The training kit every lab uses: {@link introdl.train.Fit}, one fit loop over DJL's Trainer
 * (data kept on the device as one tensor, seeded shuffling, early stopping, clipping, weight
 * decay, schedules, atomic per-epoch checkpoints and exact resume), its
 * {@link introdl.train.History}, the lecture's {@link introdl.train.Optimizers}, and
 * {@link introdl.train.Inference} for trained models. An {@link introdl.train.EpochSampler} lets a
 * lab choose each epoch's examples instead of a plain shuffle (Lab 2's DB-VAE draws rare faces
 * more often); {@link introdl.train.BinaryCrossEntropy} is the yes/no loss computed from logits.
 *
 * <p><b>What is process-wide, and why.</b> PyTorch keeps one random generator and one intra-op
 * thread count per process, and DJL offers no per-model ones: {@link introdl.train.Fit} seeds the
 * generator at the start of every epoch (from its own seed, so a run does not depend on what ran
 * before it) and sets the thread count for its run, putting the previous count back when it
 * ends. Two fits in one process therefore must not run at the same time on different threads.
 * The data folder is a value passed to the loaders ({@link introdl.data.DataDirectory}; a lab's
 * {@code --data} reaches them through its {@code LabRun}); {@code -Dintrodl.data} and
 * {@code $INTRODL_DATA} are only the default. A lab's {@code --quiet} lowers introdl's log level
 * for its run only. Telemetry is switched off once per process (DJL reads its switch at start).
 */
package introdl.train;
