/**
 * {@code ./introdl bench}: speed and memory of the fit loop against plain DJL loops on the same
 * model, printed as figures (recorded in BENCHMARKS.md); nothing here is a test.
 */
package introdl.bench;
