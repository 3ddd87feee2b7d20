/**
 * How introdl starts DJL's engine: quietly. {@link introdl.engine.Telemetry} turns DJL's usage
 * tracking off unless the user turns it on, and {@link introdl.engine.QuietPyTorchProvider} does so
 * before DJL's engine starts in any JVM that has introdl on its class path (labs, notebooks and
 * library use alike).
 */
package introdl.engine;
