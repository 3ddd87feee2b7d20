/** Pictures: {@link introdl.viz.LineChart} for curves, {@link introdl.viz.ImageGrid} for samples, all written as PNG. */
package introdl.viz;
