package introdl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

class DevicesAndProgressTest {
    @Test
    void trainsOnEveryGpuElseTheCpuAndLogsTheChoiceOnce() {
        List<String> messages = new ArrayList<>();
        AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                messages.add(event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        Logger logger = (Logger) LogManager.getLogger(Devices.class);
        logger.addAppender(capture);
        try {
            Devices.forgetLogged();
            Device[] first = Devices.forTraining();
            Devices.forTraining();
            Devices.forTraining();
            assertEquals(1, messages.size(), "logged once: " + messages);
            assertTrue(messages.get(0).endsWith("training on " + Devices.describe(first)), messages.get(0));
            assertEquals(first[0], Devices.main());
        } finally {
            logger.removeAppender(capture);
        }
    }

    @Test
    void theChoiceOfDevicesIsDescribedAsAStudentReadsIt() {
        assertEquals("cpu() (no GPU found)", Devices.describe(new Device[] {Device.cpu()}));
        assertEquals("1 GPU: gpu(0)", Devices.describe(new Device[] {Device.gpu(0)}));
        assertEquals("2 GPUs: gpu(0), gpu(1)", Devices.describe(new Device[] {Device.gpu(0), Device.gpu(1)}));
    }

    @Test
    void linesProgressPrintsOneLinePerEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = Progress.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.epochStarted(1, 2, 10);
        progress.batchFinished(5, 0.5, 0.9);
        progress.epochFinished(new History.Epoch(1, Map.of(History.LOSS, 0.25, History.SECONDS, 1.5)));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("epoch 1: loss 0.2500 (1.5s)" + System.lineSeparator(), out);
    }

    @Test
    void smallModelsTrainOnOneThreadLargeOnes() {
        assertEquals(1, Threads.forWork(10_000_000));
        assertEquals(Runtime.getRuntime().availableProcessors(), Threads.forWork(5_000_000_000L));
    }
}
