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
 */
package introdl.faces;
