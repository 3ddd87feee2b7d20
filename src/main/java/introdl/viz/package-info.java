/**
 * Pictures: {@link introdl.viz.LineChart} for curves, {@link introdl.viz.ImageGrid} for samples,
 * {@link introdl.viz.Heatmap} for matrices of weights (attention maps), {@link introdl.viz.BarChart} for rates, all written as PNG. */
package introdl.viz;
