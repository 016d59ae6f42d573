package io.newsflow.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a Java runtime of at least a given feature version. The registry server is built for Java 21 while the
 * pipeline itself runs on 17, so the two often live side by side on one machine.
 */
public final class JavaRuntimes {

    /** Set to a JDK home or a java executable to choose the registry's runtime explicitly. */
    public static final String JAVA_ENV = "NEWSFLOW_REGISTRY_JAVA";

    private JavaRuntimes() {
    }

    public static Optional<Path> findJava(int minFeature) {
        for (Path home : candidateHomes()) {
            Path java = home.resolve("bin").resolve("java");
            if (Files.isExecutable(java) && featureVersion(home) >= minFeature) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    private static List<Path> candidateHomes() {
        List<Path> homes = new ArrayList<>();
        String explicit = System.getenv(JAVA_ENV);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            homes.add(p.endsWith("java") && Files.isRegularFile(p) ? p.getParent().getParent() : p);
        }
        homes.add(Path.of(System.getProperty("java.home")));
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        String userHome = System.getProperty("user.home");
        for (String dir : List.of("/usr/lib/jvm", "/usr/java", "/opt/java", "/opt",
                "/Library/Java/JavaVirtualMachines", userHome + "/.sdkman/candidates/java", userHome + "/.jdks")) {
            homes.addAll(childrenNewestFirst(Path.of(dir)));
        }
        return homes;
    }

    private static List<Path> childrenNewestFirst(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children
                    .map(p -> Files.isDirectory(p.resolve("Contents/Home")) ? p.resolve("Contents/Home") : p)
                    .sorted(Comparator.comparingInt(JavaRuntimes::featureVersion).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Reads JAVA_VERSION from the runtime's {@code release} file; 0 when it cannot be read. */
    static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try (var in = Files.newBufferedReader(release)) {
            Properties props = new Properties();
            props.load(in);
            String version = props.getProperty("JAVA_VERSION", "").replace("\"", "");
            String feature = version.startsWith("1.") ? version.substring(2) : version;
            int end = 0;
            while (end < feature.length() && Character.isDigit(feature.charAt(end))) {
                end++;
            }
            return end == 0 ? 0 : Integer.parseInt(feature.substring(0, end));
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
