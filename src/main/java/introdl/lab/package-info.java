/**
 * What every lab program in {@code labs/} shares: the {@link introdl.lab.Lab} base (common
 * options, run folder, resume, clear errors), the {@link introdl.lab.LabRun} it gets, the
 * classifier {@link introdl.lab.Reports}, and the command-line {@link introdl.lab.Converters}.
 */
package introdl.lab;
