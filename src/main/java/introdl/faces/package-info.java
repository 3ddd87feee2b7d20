/**
 * Lab 2, facial detection: the data, a face classifier, the debiasing variational autoencoder
 * (DB-VAE) with its resampling, and the bias audit that compares how often faces of each group are
 * detected.
 *
 * <p>The data is a {@link introdl.faces.FaceSet}: 64x64 RGB images labelled face or non-face, faces
 * optionally in a group (the attribute an audit compares). It comes from one of three sources:
 * <ul>
 *   <li>{@link introdl.faces.SyntheticFaces}: drawn faces and non-faces with known skin tone and
 *       glasses, the offline default; its skewed training mix gives a detector a measurable bias
 *       against the rare group;</li>
 *   <li>{@link introdl.faces.FaceFolders}: folders of photos, such as UTKFace crops (groups by gender
 *       and race, {@link introdl.faces.UtkFaceName}) with CIFAR-10 pictures as non-faces, or a
 *       folder per group ({@link introdl.faces.GroupLabels});</li>
 *   <li>{@link introdl.faces.CourseFaces}: the course's own {@code train_face.h5} (CelebA faces,
 *       ImageNet non-faces), read with the pure-Java HDF5 reader jHDF.</li>
 * </ul>
 * Every file read from outside is validated; a file that cannot be used is named in the error, and
 * an image that cannot be decoded is listed in {@link introdl.faces.FaceSet#skipped()}.
 *
 * <p>The models: {@link introdl.faces.FaceCnn} is the course's classifier (four strided convolutions
 * with batch normalisation, dense 512, one logit), trained with
 * {@link introdl.train.BinaryCrossEntropy}. {@link introdl.faces.DbVaeBlock} is the DB-VAE (the same
 * encoder giving the face logit, μ and log σ², and a decoder back to the image), trained with
 * {@link introdl.faces.DbVaeLoss}, where only faces pay the VAE term, and
 * {@link introdl.faces.Resampling}, the fit loop's {@link introdl.train.EpochSampler} that draws
 * faces by 1 / (histogram density of their latent means) every epoch.
 *
 * <p>The audit: {@link introdl.faces.FaceSplits} holds out the same number of faces from every group
 * and skews only the training faces, by a documented mix; {@link introdl.faces.BiasAudit} gives each
 * group's detection rate with a 95% Wilson interval ({@link introdl.train.Proportion}), the
 * worst-group gap and the false-positive rate on non-faces, and draws them side by side for two
 * models. {@link introdl.faces.TestFaces} is the course's final test: its 20 photographs, 5 per
 * group, scored by every model (mean face probability per group, faces detected);
 * {@link introdl.faces.OlivettiFaces} is a second set of photographs from elsewhere (400 grey
 * faces), which shows whether a detector finds faces it was not tuned to. Photographs are trained
 * with {@link introdl.faces.FaceSplits#PHOTO_AUGMENTATION} (crops, turns, mirror images, colour,
 * grey): without it a detector learns UTKFace's look and misses faces from elsewhere. The lab program
 * is {@code labs/FacesLab.java} ({@code ./introdl faces}); the notebook is
 * {@code notebooks/07-lab2-faces-and-debiasing.ipynb}.
 */
package introdl.faces;
