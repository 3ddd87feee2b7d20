/**
 * Language models: the GPT of lecture 2b and the base of Lab 3. Tokenisers turn text into the ids a
 * model reads and back: {@link introdl.language.CharTokenizer}, one token per character, and
 * {@link introdl.language.BytePairTokenizer}, byte-level BPE with its merges learnt in Java; both are
 * a {@link introdl.language.Tokenizer}, saved and loaded with the model. {@link introdl.language.Gpt}
 * is the decoder-only transformer (shaped by a {@link introdl.language.GptConfig}), pretrained on a
 * {@link introdl.language.Corpus} by the shared fit loop as {@link introdl.language.Pretraining} sets
 * it up ({@link introdl.language.GptRecipe} names nanoGPT's runs and introdl's base);
 * {@link introdl.language.Generator} writes with it ({@link introdl.language.Sampling}: greedy,
 * temperature, top-k, top-p; the key-value cache), {@link introdl.language.AttentionMaps} shows
 * where it looks, and {@link introdl.language.LanguageModel} saves, loads and ships it
 * ({@code LanguageModel.base()}, introdl's {@code from_pretrained}).
 */
package introdl.language;
