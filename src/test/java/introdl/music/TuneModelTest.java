package introdl.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import introdl.data.InvalidDataException;
import introdl.sequence.CharLstm;
import introdl.sequence.TextGenerator;
import introdl.sequence.Vocabulary;
import introdl.train.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading tune models, and the one shipped in the jar, which quick mode plays. */
class TuneModelTest {
    @TempDir
    Path dir;

    @Test
    void aSavedModelLoadsWithItsSizesAndVocabularyAndWritesTheSameText() throws Exception {
        Vocabulary vocabulary = Vocabulary.of("X:1\nM:4/4\nK:D\n|abcd efga|\n\n");
        try (Model model = Models.create("music", new CharLstm(vocabulary.size(), 6, 12, 2, 0.1),
                new ai.djl.ndarray.types.Shape(1, 8), 4)) {
            TuneModel.save(model, vocabulary, dir);
            String written = new TextGenerator(model, vocabulary).generate("X:", 40, 1, new Random(3));
            try (TuneModel loaded = TuneModel.load(dir)) {
                assertEquals(vocabulary.characters(), loaded.vocabulary().characters());
                CharLstm block = (CharLstm) loaded.model().getBlock();
                assertEquals(List.of(6, 12, 2), List.of(block.embeddingSize(), block.hiddenSize(), block.layers()));
                assertEquals(written, new TextGenerator(loaded.model(), loaded.vocabulary()).generate("X:", 40, 1,
                        new Random(3)));
            }
        }
        Files.writeString(dir.resolve(TuneModel.VOCABULARY), "{\"characters\": \"abc\"}");
        InvalidDataException old = assertThrows(InvalidDataException.class, () -> TuneModel.load(dir));
        assertTrue(old.getMessage().contains("sizes"), old.getMessage());
    }

    @Test
    void theShippedModelWritesWellFormedTunesWithoutTrainingOrData() {
        try (TuneModel shipped = TuneModel.pretrained()) {
            List<Composer.Composition> tunes = shipped.composer().compose(6, "X:", 0.8, 42, Composer.Sampling.STRUCTURED);
            long wellFormed = tunes.stream().filter(Composer.Composition::barsMatchMeter).count();
            assertTrue(wellFormed >= 4, "quick mode plays these: " + wellFormed + " of 6 well-formed");
        }
    }
}
