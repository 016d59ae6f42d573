package io.newsflow.pipeline;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code news-pipeline} command. */
@Command(name = "news-pipeline", mixinStandardHelpOptions = true, versionProvider = NewsPipeline.Version.class,
        description = "Arabic and English news through Kafka: ingest, enrich (entities and figures), store.",
        subcommands = {DemoCommand.class, ExtractCommand.class, SetupCommand.class, CommandLine.HelpCommand.class})
public final class NewsPipeline {

    public static void main(String[] args) {
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
