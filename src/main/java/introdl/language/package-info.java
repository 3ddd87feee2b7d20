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
 *
 * <p>Lab 3 fine-tunes it. {@link introdl.language.StyleText} holds answers in one style (the course's
 * Yoda and leprechaun answers ship in the jar), laid out by an {@link introdl.language.AnswerTemplate}
 * into {@link introdl.language.PromptedTokens} that mark which tokens the loss scores (the answer
 * mask). {@link introdl.language.Lora} adapts every projection with a trainable low-rank change and
 * merges it back; {@link introdl.language.FineTuning} names the modes compared (LoRA, full, from
 * scratch); {@link introdl.language.StyleTransfer} is the experiment, measuring each model
 * ({@link introdl.language.StyleEvaluation}) with {@link introdl.language.TextScore} (the course's
 * competition number among them) and a {@link introdl.language.StyleJudge} built on a
 * {@link introdl.language.StyleClassifier} instead of an LLM judge. {@link introdl.language.Gpt2Checkpoint}
 * reads a Hugging Face GPT-2 checkpoint into the same GPT, with {@link introdl.language.HuggingFaceTokens}.
 */
package introdl.language;
