package introdl.language;

/**
 * How an answer is laid out for fine-tuning: a prompt before it and an end after it, as the
 * course's chat template puts {@code <|im_start|>user ... <|im_start|>assistant\n} before each
 * answer. Fine-tuning scores only the answer and its end (the course's answer mask): the model reads
 * the prompt but is not taught to write it. At generation time the same prompt starts each text, so
 * the model answers in the style it learnt.
 *
 * <p>The course's Dolly questions cannot be had offline, so introdl's default is a speaker tag in
 * the layout of a play script, {@code YODA:\n}, which the base model already knows from Tiny
 * Shakespeare ({@code ROMEO:\n} and a speech): fine-tuning teaches it a new speaker.
 *
 * @param prompt what comes before each answer (not scored)
 * @param end what follows each answer (scored: the model learns where an answer stops)
 */
public record AnswerTemplate(String prompt, String end) {
    public AnswerTemplate {
        if (prompt == null || end == null) {
            throw new IllegalArgumentException("a template needs a prompt and an end (either may be empty)");
        }
    }

    /** A play script's speaker tag: {@code NAME:\n}, then the answer, then a blank line. */
    public static AnswerTemplate speaker(String name) {
        if (name.isBlank() || name.contains("\n")) {
            throw new IllegalArgumentException("a speaker's name is one line of text, got '" + name + "'");
        }
        return new AnswerTemplate(name + ":\n", "\n\n");
    }

    /** No prompt: every token of every answer is scored. */
    public static AnswerTemplate none() {
        return new AnswerTemplate("", "\n\n");
    }

    /** {@code text} quoted with its new lines shown as {@code \n}, as reports print a prompt. */
    public static String visible(String text) {
        return TokenText.quoted(text);
    }

    /** The answer in its template. */
    public String apply(String answer) {
        return prompt + answer + end;
    }
}
