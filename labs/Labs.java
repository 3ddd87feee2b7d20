import introdl.bench.BenchCommand;
import introdl.engine.Telemetry;
import introdl.lab.Converters;
import introdl.notebook.NotebooksCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The launcher of every lab: {@code ./introdl <lab> [options]}. {@code ./introdl --help} lists
 * the labs and their options; an unknown lab or option exits with code 2 and a usage message.
 */
@Command(name = "introdl", mixinStandardHelpOptions = true, version = "introdl 0.1.0",
        description = "The labs of an introductory deep learning course, in Java.%n",
        subcommands = {MlpLab.class, CnnLab.class, MusicLab.class, GenerativeLab.class, FacesLab.class, GptLab.class, LlmLab.class, BenchCommand.class, NotebooksCommand.class},
        footer = {"%nEach lab writes runs/<lab>/<time>/ with its charts, model and index.html.",
                "Run ./introdl <lab> --help for one lab's options."})
public final class Labs implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // also done by introdl's engine provider; here too, so the launcher is quiet even from a repackaged jar
        Telemetry.turnOff();
        System.exit(run(args));
    }

    /** Runs the launcher and returns its exit code (0 ok, 1 the lab failed, 2 usage error). */
    public static int run(String... args) {
        CommandLine cli = Converters.commandLine(new Labs());
        listLabOptionsInHelp(cli);
        return cli.execute(args);
    }

    /** Adds every lab's options to the launcher's --help, after the list of labs. */
    private static void listLabOptionsInHelp(CommandLine cli) {
        String key = "labOptions";
        List<String> sections = new ArrayList<>(cli.getHelpSectionKeys());
        sections.add(sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER), key);
        cli.setHelpSectionKeys(sections);
        cli.getHelpSectionMap().put(key, help -> {
            StringBuilder text = new StringBuilder();
            help.subcommands().forEach((name, lab) -> text.append(String.format("%n%s options:%n", name))
                    .append(lab.optionList()));
            return text.toString();
        });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing lab: which lab should run?");
    }
}
