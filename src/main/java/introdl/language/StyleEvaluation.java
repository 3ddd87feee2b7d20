package introdl.language;

import introdl.train.Proportion;
import java.util.List;

/**
 * What Lab 3 measures of one model, with no LLM judge: the loss on held-out styled answers, the
 * course's competition number, the loss on Tiny Shakespeare's validation text (what fine-tuning
 * made it forget), and samples with the share of them a {@link StyleJudge} calls Yoda.
 *
 * @param model which model (base, lora, full, scratch)
 * @param heldOut cross-entropy of the held-out answers (the answer tokens only)
 * @param competition cross-entropy of the course's {@code yoda_test_text}
 * @param shakespeare cross-entropy of Tiny Shakespeare's validation text
 * @param samples the answers the model wrote to the template's prompt
 * @param judgedYoda how many samples the judge calls Yoda
 */
public record StyleEvaluation(String model, TextScore heldOut, TextScore competition, TextScore shakespeare,
        List<String> samples, Proportion judgedYoda) {
    public StyleEvaluation {
        samples = List.copyOf(samples);
    }
}
