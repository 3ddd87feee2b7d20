/**
 * Lecture 1, from one neuron up: the perceptron, activations, losses and backpropagation by hand,
 * the {@link introdl.basics.Mlp} of the MLP lab, and the training experiments ({@link introdl.basics.Optimization}, ...).
 */
package introdl.basics;
