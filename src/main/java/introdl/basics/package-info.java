/**
 * Lecture 1, from one neuron up: the {@link introdl.basics.Mlp} of the MLP lab (and, with the
 * lecture-1 issue, the perceptron, activations, losses and backpropagation by hand).
 */
package introdl.basics;
