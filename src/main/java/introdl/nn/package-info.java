/**
 * The layer vocabulary of the course: {@link introdl.nn.Layers} and
 * {@link introdl.nn.Activation} build ordinary DJL blocks in Keras-length lines.
 */
package introdl.nn;
