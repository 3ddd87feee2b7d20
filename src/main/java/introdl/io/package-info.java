/** File writing that survives crashes: {@link introdl.io.AtomicFiles}. */
package introdl.io;
