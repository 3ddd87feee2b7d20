/**
 * The course notebooks, run and checked like code: {@link introdl.notebook.Notebook} reads an
 * IJava notebook, {@link introdl.notebook.NotebookRunner} runs its cells in a fresh JShell as IJava
 * does (the tests and {@code ./introdl notebooks} use it), {@link introdl.notebook.QuickMode} is the
 * one switch that makes them fast, and {@link introdl.notebook.StudentNotebooks} makes the student
 * version of each solution notebook, its exercises left to write. These classes ship in the labs
 * jar, not the library jar.
 */
package introdl.notebook;
