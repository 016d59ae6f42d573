package io.newsflow.pipeline;

import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code news-pipeline} command. */
@Command(name = "news-pipeline", mixinStandardHelpOptions = true, versionProvider = NewsPipeline.Version.class,
        description = "Arabic and English news through Kafka: ingest, enrich (entities and figures), store.",
        subcommands = {DemoCommand.class, ExtractCommand.class, RegistryCommand.class, SetupCommand.class,
                IngestCommand.class, EnrichCommand.class, QueryCommand.class, ServeCommand.class, StatusCommand.class,
                TailCommand.class, EvalCommand.class, TrainCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class NewsPipeline {

    public static void main(String[] args) {
        // The registry client logs through java.util.logging; route it to the same log as everything else.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int exit = commandLine().execute(args);
        System.exit(exit);
    }

    static CommandLine commandLine() {
        return new CommandLine(new NewsPipeline()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = NewsPipeline.class.getPackage().getImplementationVersion();
            return new String[] {"news-pipeline " + (version == null ? "development build" : version)};
        }
    }
}
