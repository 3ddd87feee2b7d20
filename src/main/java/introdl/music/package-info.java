/**
 * Lab 1, music in pure Java: ABC notation read in full ({@link introdl.music.TuneBook},
 * {@link introdl.music.Tune}; a bad tune is reported by line and column and skipped), played as
 * standard MIDI ({@link introdl.music.Midi}) and WAV from a synthesizer of our own
 * ({@link introdl.music.Synth}), and checked for musical sense (every bar against the meter).
 * {@link introdl.music.TuneData} finds the course's tunes, {@link introdl.music.Tunes} turns them
 * into training windows with held-out tunes, {@link introdl.music.Composer} writes and judges new
 * ones, plainly or with {@link introdl.music.TuneGuide} (structure-aware sampling: a bar that does
 * not fit the meter is sampled again), {@link introdl.music.Novelty} finds the ones that copy the
 * collection, {@link introdl.music.TuneModel} saves, loads and ships a trained model, and
 * {@link introdl.music.TuneTypes} labels dances for the many-to-one task.
 */
package introdl.music;
