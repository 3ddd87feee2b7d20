package introdl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A smoke test of {@code ./introdl bench --model gpt} at a tiny size: it runs and prints figures; no speed is asserted. */
class GptBenchmarkTest {
    /** A number, with its sign only where the minus does not join two numbers as in "1,200-1,300". */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])-?\\d[\\d,]*(?:\\.\\d+)?");

    @Test
    void aTinyRunPrintsPositiveFiguresInEveryRow() {
        StringWriter text = new StringWriter();
        int exit = new CommandLine(new BenchCommand()).setOut(new PrintWriter(text))
                .execute("--model", "gpt", "--recipes", "cpu", "--context", "8", "--rounds", "1", "--updates", "1");
        String output = text.toString();
        assertEquals(0, exit, output);
        List<String> rows = output.lines().filter(line -> line.startsWith("cpu ")).toList();
        // training, arithmetic, generation at the context and past it, per-token cost cached and uncached
        assertEquals(6, rows.size(), output);
        for (String row : rows) {
            List<Double> numbers = numbers(row);
            assertFalse(numbers.isEmpty(), row);
            for (double number : numbers) {
                assertTrue(number > 0, "not a positive figure in: " + row);
            }
        }
        String memory = output.lines().filter(line -> line.startsWith("peak Java heap")).findFirst().orElse("");
        assertEquals(2, numbers(memory).size(), output);
        assertTrue(numbers(memory).stream().allMatch(n -> n > 0), memory);
    }

    @Test
    void badOptionsAreClearErrors() {
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new BenchCommand()).setErr(new PrintWriter(errors));
        assertEquals(2, command.execute("--model", "gpt", "--recipes", "huge"));
        assertTrue(errors.toString().contains("unknown preset 'huge'"), errors.toString());
        assertEquals(2, command.execute("--model", "gpt", "--updates", "0"));
    }

    private static List<Double> numbers(String line) {
        List<Double> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            numbers.add(Double.parseDouble(m.group().replace(",", "")));
        }
        return numbers;
    }
}
