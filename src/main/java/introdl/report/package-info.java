/**
 * What a run leaves behind: its {@link introdl.report.RunFolder} ({@code runs/<lab>/<time>/})
 * and the {@link introdl.report.HtmlReport} that shows it as {@code index.html}.
 */
package introdl.report;
