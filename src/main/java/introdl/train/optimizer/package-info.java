/**
 * Optimisers that DJL defines but its PyTorch engine does not implement (DJL 0.35:
 * {@code nagUpdate}, {@code rmspropUpdate} and {@code adadeltaUpdate} throw "not implemented",
 * and {@code Adagrad} asks for a sparse gradient type PyTorch lacks). Each is a DJL
 * {@link ai.djl.training.optimizer.Optimizer} written with NDArray operations, so it plugs into
 * DJL's trainer like the built-in SGD and Adam, and each is tested against the update rule
 * computed by hand.
 */
package introdl.train.optimizer;
