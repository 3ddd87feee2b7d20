/**
 * Lecture 2, sequence models: text as numbers ({@link introdl.sequence.Vocabulary}), a recurrent
 * layer and an LSTM cell written out ({@link introdl.sequence.SimpleRnn},
 * {@link introdl.sequence.LstmCell}, equal to DJL's {@code LSTM}), gradients through time and
 * clipping ({@link introdl.sequence.GradientThroughTime}, {@link introdl.sequence.MemoryTasks}),
 * and the models of the three task shapes: many-to-one ({@link introdl.sequence.SequenceClassifier}),
 * many-to-many next-character prediction ({@link introdl.sequence.CharLstm} on
 * {@link introdl.sequence.CharWindows}) and one-to-many generation with the state carried from
 * step to step ({@link introdl.sequence.TextGenerator}), steered if wanted by a
 * {@link introdl.sequence.SamplingGuide} that can send a text back to a point it marked.
 */
package introdl.sequence;
