/**
 * The checks a student runs after writing an exercise in a student notebook
 * ({@code notebooks/student/}, made by {@link introdl.notebook.StudentNotebooks}): each compares
 * the student's code with introdl's own implementation or the lecture's worked numbers and gives
 * a {@link introdl.exercises.Verdict}, "correct" or "not yet" with what is wrong in the lecture's
 * terms (a missing bias, a wrong shape, no activation), never a stack trace.
 */
package introdl.exercises;
