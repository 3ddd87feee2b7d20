/**
 * The training kit every lab uses: {@link introdl.train.Fit}, one fit loop over DJL's Trainer
 * (data kept on the device as one tensor, seeded shuffling, early stopping, clipping, weight
 * decay, schedules, atomic per-epoch checkpoints and exact resume), its
 * {@link introdl.train.History}, the lecture's {@link introdl.train.Optimizers}, and
 * {@link introdl.train.Inference} for trained models. An {@link introdl.train.EpochSampler} lets a
 * lab choose each epoch's examples instead of a plain shuffle (Lab 2's DB-VAE draws rare faces
 * more often); {@link introdl.train.BinaryCrossEntropy} is the yes/no loss computed from logits.
 */
package introdl.train;
