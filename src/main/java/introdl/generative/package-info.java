/**
 * Lecture 4, deep generative modelling: an {@link introdl.generative.Architecture} (dense or
 * convolutional) makes an {@link introdl.generative.AutoencoderBlock} or a
 * {@link introdl.generative.VaeBlock} (reparameterisation, trained with the closed-form
 * {@link introdl.generative.VaeLoss}); {@link introdl.generative.Latent} maps images to codes and
 * back, samples the prior, traverses and interpolates; {@link introdl.generative.LatentSweep}
 * measures compression, {@link introdl.generative.SampleQuality} judges samples with a classifier,
 * {@link introdl.generative.Outliers} ranks unusual images (reconstruction error, ELBO, AUROC), and
 * {@link introdl.generative.Pictures} draws it all. The VAE is the groundwork of Lab 2's DB-VAE,
 * which is a {@link introdl.generative.LatentBlock} too, so {@code Latent}'s walks work on it.
 */
package introdl.generative;
