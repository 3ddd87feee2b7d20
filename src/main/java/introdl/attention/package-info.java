/**
 * Lecture 2b: attention and the transformer, written out. {@link introdl.attention.Attention} is
 * scaled dot-product attention step by step (scores, scale, mask, softmax, weighted sum) with causal
 * and padding masks; {@link introdl.attention.MultiHeadAttention} splits it into heads,
 * {@link introdl.attention.Positions} gives tokens their places, and
 * {@link introdl.attention.TransformerBlock} is GPT-2's pre-norm block (DJL's own transformer block
 * is BERT's post-norm layout). {@link introdl.attention.KvCache} keeps keys and values between
 * generation steps. {@link introdl.attention.Bottleneck} measures the lecture's motivation: an LSTM
 * encoder-decoder ({@link introdl.attention.Seq2Seq}) reversing {@link introdl.attention.DigitStrings}
 * loses accuracy with length through its one final state, and recovers it with attention.
 */
package introdl.attention;
