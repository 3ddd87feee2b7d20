/**
 * Language models (Lab 3). Tokenisers turn text into the ids a model reads and back:
 * {@link introdl.language.CharTokenizer}, one token per character, and
 * {@link introdl.language.BytePairTokenizer}, byte-level BPE with its merges learnt in Java;
 * both are a {@link introdl.language.Tokenizer}, saved and loaded with the model.
 */
package introdl.language;
