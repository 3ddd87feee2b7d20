package introdl.sequence;

import java.util.function.Predicate;

/**
 * Steers the sampling of one text by {@link TextGenerator}: after each sampled character it says
 * whether to keep it, to remember the point just before it as a place to return to, to go back
 * to that place and sample again from there (the characters since are dropped, and the network's
 * state is restored), to start the text again, or to end it. A guide that knows the grammar of what is written (ABC
 * notation's bars and meter, for Lab 1's tunes) can so correct what the network got wrong
 * without changing what it learnt.
 */
@FunctionalInterface
public interface SamplingGuide {
    /** What to do after a character. */
    enum Step {
        /** Keep the character and go on. */
        KEEP,
        /** Keep it, and make the point just before it the one that {@link #BACK} returns to. */
        MARK,
        /**
         * Drop everything since the last mark (the start of the text after the prefix, if none) and
         * sample again from there with the state the network had then.
         */
        BACK,
        /**
         * Drop everything after the prefix and write the text again from the start (the marks are
         * forgotten): for a mistake made before the last mark, such as a header that the rest
         * cannot fit.
         */
        RESTART,
        /** Keep it and end the text. */
        END
    }

    /**
     * Judges the character just added.
     *
     * @param text the prefix and every character kept so far, the newest last
     */
    Step after(CharSequence text);

    /** A guide that only ends a text, once {@code stop} accepts it. */
    static SamplingGuide stoppingWhen(Predicate<CharSequence> stop) {
        return text -> stop.test(text) ? Step.END : Step.KEEP;
    }
}
