package io.walletdesk.shared.secrets;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes sure every {@link Secret} has a value before any bean reads it. No secret has a default in the
 * source (a public default is a shared key). Set explicitly (environment variable), a secret is used as is.
 * Missing, the embedded demo (H2, no database configured) generates random values once and keeps them in
 * {@code walletdesk.secrets.file} (default {@code ./data/secrets.properties}, owner-only) so that PINs and
 * TOTP seeds still verify after a restart; any other deployment refuses to start, naming every missing
 * variable at once. Runs as a bean factory post-processor so that it sees the final environment (tests and
 * deployments may set the database URL late) and still comes before every bean that reads a secret.
 */
public class SecretsResolver implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    private static final Logger log = LoggerFactory.getLogger(SecretsResolver.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PROPERTY_SOURCE = "walletdesk-generated-secrets";
    static final String FILE_PROPERTY = "walletdesk.secrets.file";
    static final String DEFAULT_FILE = "./data/secrets.properties";

    private final List<Secret> secrets;
    private ConfigurableEnvironment environment;

    public SecretsResolver() {
        this(Secret.ALL);
    }

    SecretsResolver(List<Secret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        resolve();
    }

    void resolve() {
        List<Secret> missing = new ArrayList<>();
        List<Secret> publicValue = new ArrayList<>();
        for (Secret secret : secrets) {
            String value = environment.getProperty(secret.property());
            if (value == null || value.isBlank()) {
                missing.add(secret);
            } else if (secret.publicValues().contains(value.strip())) {
                publicValue.add(secret);
            }
        }
        if (!publicValue.isEmpty()) {
            // Set on purpose to a value anyone can read in the source: never acceptable, not even in the demo.
            throw new MissingSecretsException("WalletDesk refuses to start: "
                    + names(publicValue) + " set to the old public default from the source code. Set "
                    + (publicValue.size() == 1 ? "it" : "them") + " to a new random value (e.g. `openssl rand -base64 32`).");
        }
        if (missing.isEmpty()) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:")) {
            List<Secret> required = missing.stream().filter(Secret::required).toList();
            if (!required.isEmpty()) {
                throw new MissingSecretsException("WalletDesk refuses to start: secrets are missing for a deployment "
                        + "with a configured database. Set " + names(required) + " (e.g. each to `openssl rand -base64 32`; "
                        + "see README, Secrets). Only the embedded demo database generates its own.");
            }
            // Optional ones switch a feature on; without them it stays off (e.g. nobody can scrape the metrics).
            log.info("Not set, so their features are off: {}", names(missing));
            return;
        }
        Path file = Path.of(environment.getProperty(FILE_PROPERTY, DEFAULT_FILE));
        Map<String, Object> values = demoSecrets(file, missing);
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, values));
    }

    private Map<String, Object> demoSecrets(Path file, List<Secret> missing) {
        try {
            Properties kept = new Properties();
            if (Files.exists(file)) {
                restrict(file);
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    kept.load(in);
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            List<Secret> generated = new ArrayList<>();
            for (Secret secret : missing) {
                String value = kept.getProperty(secret.variable());
                if (value == null || value.isBlank()) {
                    value = random();
                    kept.setProperty(secret.variable(), value);
                    generated.add(secret);
                }
                values.put(secret.property(), value);
            }
            if (!generated.isEmpty()) {
                write(file, kept);
                log.warn("Embedded demo: generated {} and kept {} in {} (owner-only). A real deployment sets them "
                        + "in the environment.", names(generated), generated.size() == 1 ? "it" : "them", file.toAbsolutePath().normalize());
            } else {
                log.info("Embedded demo: {} from {}", names(missing), file.toAbsolutePath().normalize());
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the demo's generated secrets in " + file.toAbsolutePath().normalize(), e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Writes beside the file and moves it in place, so a crash never leaves half a file of keys. */
    private static void write(Path file, Properties values) throws IOException {
        Path directory = file.toAbsolutePath().normalize().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".secrets", ".tmp");
        try {
            restrict(temporary);
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(out, "WalletDesk embedded demo: generated secrets. Keep private; do not copy to a real deployment.");
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrict(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.setPosixFilePermissions(file, ownerOnly);
        } else {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }

    private static String names(List<Secret> secrets) {
        return secrets.stream().map(Secret::variable).collect(Collectors.joining(", "));
    }

    /** Startup stops: a secret is missing or public. The message names every variable to set. */
    public static class MissingSecretsException extends IllegalStateException {
        MissingSecretsException(String message) {
            super(message);
        }
    }
}
