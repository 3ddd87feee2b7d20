package introdl.lab;

import introdl.data.Datasets;
import introdl.nn.Activation;
import introdl.train.Optimizers;
import introdl.train.Schedule;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

/**
 * Turns option values into course types as the command line is parsed, so a misspelt
 * activation, optimiser, schedule or dataset is a usage error (exit code 2, the choices listed)
 * before any run folder is made.
 */
public final class Converters {
    private Converters() {}

    /** A command line for {@code command} with the course types' converters registered. */
    public static CommandLine commandLine(Object command) {
        CommandLine cli = new CommandLine(command)
                .registerConverter(Activation.class, value -> plain(() -> Activation.of(value)))
                .registerConverter(Schedule.class, value -> plain(() -> Schedule.parse(value)));
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, failed.getErr());
            failed.getErr().printf("Run %s --help for the options.%n",
                    failed.getCommandSpec().qualifiedName().replaceFirst("^introdl", "./introdl"));
            failed.getErr().flush();
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli;
    }

    /** Reports a converter's IllegalArgumentException as picocli's plain "invalid value" message. */
    private static <T> T plain(java.util.function.Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** An optimiser name, one of {@link Optimizers#NAMES}. */
    public static final class OptimizerName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return oneOf("optimiser", value, Optimizers.NAMES);
        }
    }

    /** A dataset name, one of {@link Datasets#NAMES}. */
    public static final class DatasetName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return oneOf("dataset", value, Datasets.NAMES);
        }
    }

    private static String oneOf(String what, String value, List<String> names) {
        String key = value.trim().toLowerCase(Locale.ROOT);
        if (!names.contains(key)) {
            throw new CommandLine.TypeConversionException("unknown " + what + " '" + value + "'; expected one of "
                    + String.join(", ", names));
        }
        return key;
    }
}
