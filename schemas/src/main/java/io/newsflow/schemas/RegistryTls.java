package io.newsflow.schemas;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The trust the registry serdes' TLS settings describe ({@code apicurio.registry.tls.truststore.location},
 * {@code .truststore.password}, {@code .truststore.type}, or PEM {@code apicurio.registry.tls.certificates}), for the
 * pipeline's own calls to the registry ({@link SchemaRegistration}), so that they trust exactly what the serdes trust.
 * Turning certificate or host checks off is refused rather than half-honoured: the serdes would skip them and these
 * calls would not.
 */
final class RegistryTls {

    private RegistryTls() {
    }

    /** The SSL context for the registry's certificates, or empty when the settings name none (the JVM's defaults). */
    static Optional<SSLContext> sslContext(Map<String, ?> configs) {
        refuse(configs, SchemaResolverConfig.TLS_TRUST_ALL, "true");
        refuse(configs, SchemaResolverConfig.TLS_VERIFY_HOST, "false");
        String location = string(configs, SchemaResolverConfig.TLS_TRUSTSTORE_LOCATION);
        String certificates = string(configs, SchemaResolverConfig.TLS_CERTIFICATES);
        if (location == null && certificates == null) {
            return Optional.empty();
        }
        try {
            KeyStore trusted;
            if (location != null) {
                String type = string(configs, SchemaResolverConfig.TLS_TRUSTSTORE_TYPE);
                String password = string(configs, SchemaResolverConfig.TLS_TRUSTSTORE_PASSWORD);
                trusted = KeyStore.getInstance(type == null ? SchemaResolverConfig.TLS_TRUSTSTORE_TYPE_DEFAULT : type);
                try (InputStream in = Files.newInputStream(Path.of(location))) {
                    trusted.load(in, password == null ? null : password.toCharArray());
                }
            } else {
                trusted = KeyStore.getInstance(KeyStore.getDefaultType());
                trusted.load(null, null);
                int n = 0;
                for (Certificate certificate : pem(certificates)) {
                    trusted.setCertificateEntry("registry-" + n++, certificate);
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            // The message names the file, never the password.
            throw new ConfigException("cannot load the registry's trusted certificates from "
                    + (location != null ? SchemaResolverConfig.TLS_TRUSTSTORE_LOCATION + "=" + location
                    : SchemaResolverConfig.TLS_CERTIFICATES) + ": " + e.getMessage());
        }
    }

    /** PEM text, or comma-separated PEM files, as the serdes read the setting. */
    private static List<Certificate> pem(String certificates) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> all = new ArrayList<>();
        if (certificates.contains("-----BEGIN")) {
            all.addAll(factory.generateCertificates(new ByteArrayInputStream(certificates.getBytes(StandardCharsets.US_ASCII))));
        } else {
            for (String file : certificates.split(",")) {
                try (InputStream in = Files.newInputStream(Path.of(file.strip()))) {
                    all.addAll(factory.generateCertificates(in));
                }
            }
        }
        return all;
    }

    private static void refuse(Map<String, ?> configs, String key, String value) {
        String given = string(configs, key);
        if (value.equalsIgnoreCase(given)) {
            throw new ConfigException(key, given, "the pipeline checks the registry's certificate and host name; "
                    + "give the certificate to trust with " + SchemaResolverConfig.TLS_TRUSTSTORE_LOCATION + " or "
                    + SchemaResolverConfig.TLS_CERTIFICATES);
        }
    }

    private static String string(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            return null;
        }
        String text = value instanceof Password password ? password.value()
                : String.valueOf(value);
        return text.isBlank() ? null : text.strip();
    }
}
