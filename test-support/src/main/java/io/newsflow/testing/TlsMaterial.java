package io.newsflow.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate for {@code localhost} and {@code 127.0.0.1} in a PKCS12 key store, and a PKCS12
 * truststore holding it, made with the JDK's keytool. The passwords reach keytool through its environment, not its
 * command line.
 */
public final class TlsMaterial {

    private TlsMaterial() {
    }

    public static void generate(Path keystore, String keystorePassword, Path truststore, String truststorePassword)
            throws IOException, InterruptedException {
        Path certificate = keystore.resolveSibling("server.pem");
        keytool(keystorePassword, truststorePassword, "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass:env", "KEYSTORE_PASSWORD", "-keypass:env", "KEYSTORE_PASSWORD");
        keytool(keystorePassword, truststorePassword, "-exportcert", "-rfc", "-alias", "server",
                "-keystore", keystore.toString(), "-storepass:env", "KEYSTORE_PASSWORD", "-file", certificate.toString());
        keytool(keystorePassword, truststorePassword, "-importcert", "-noprompt", "-alias", "server",
                "-file", certificate.toString(), "-storetype", "PKCS12", "-keystore", truststore.toString(),
                "-storepass:env", "TRUSTSTORE_PASSWORD");
    }

    private static void keytool(String keystorePassword, String truststorePassword, String... args)
            throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        ProcessBuilder builder = new ProcessBuilder(keytool.toString());
        builder.command().addAll(List.of(args));
        builder.environment().put("KEYSTORE_PASSWORD", keystorePassword);
        builder.environment().put("TRUSTSTORE_PASSWORD", truststorePassword);
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
