/**
 * Datasets as {@link introdl.data.Examples}, labelled samples held in memory: the bundled
 * {@link introdl.data.Digits} (offline default), {@link introdl.data.Mnist} and Fashion-MNIST from
 * the data folder named by {@link introdl.data.DataDirectory} or a DJL download, stratified
 * splits, and augmentation. Every file read from outside is validated and a bad one is named.
 */
package introdl.data;
