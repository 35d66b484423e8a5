package io.walletdesk.shared.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

/**
 * {@code walletdesk.public-base-url} ({@code WALLETDESK_PUBLIC_BASE_URL}) is where customers reach this
 * deployment: every link in a mail (survey, unread answer, continue-on-another-device, community and status
 * one-click unsubscribe, RFC 8058) and in messaging-app replies starts with it. The embedded demo (H2, no
 * database configured) keeps {@code http://localhost:8080}. Any other deployment refuses to start, as for
 * missing secrets ({@code shared.secrets}), when it is unset, not an absolute URL, or plain {@code http} to a
 * host other than a loopback address: mail clients and RFC 8058 one-click unsubscribe need https.
 */
class PublicBaseUrlCheck implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    static final String PROPERTY = "walletdesk.public-base-url";
    static final String VARIABLE = "WALLETDESK_PUBLIC_BASE_URL";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        // After the secrets: an operator who forgot both learns of the secrets first, as before.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment.getProperty("spring.datasource.url", ""), environment.getProperty(PROPERTY));
    }

    /** Throws {@link RefusedException} naming what to set; returns quietly for the demo or a usable URL. */
    static void check(String datasourceUrl, String baseUrl) {
        boolean embedded = datasourceUrl.startsWith("jdbc:h2:");
        if (baseUrl == null || baseUrl.isBlank()) {
            if (embedded) {
                return;
            }
            throw new RefusedException("WalletDesk refuses to start: " + VARIABLE + " is not set. A deployment with a "
                    + "configured database must say where customers reach it (e.g. https://help.walletdesk.co.id): "
                    + "it starts every link in mails, including one-click unsubscribe. Only the embedded demo uses "
                    + "http://localhost:8080.");
        }
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException malformed) {
            throw new RefusedException("WalletDesk refuses to start: " + VARIABLE + " is not a URL: " + malformed.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new RefusedException("WalletDesk refuses to start: " + VARIABLE + " must be an absolute https URL "
                    + "without query or fragment, e.g. https://help.walletdesk.co.id (it is \"" + baseUrl + "\").");
        }
        if (scheme.equals("http") && !embedded && !loopback(uri.getHost())) {
            throw new RefusedException("WalletDesk refuses to start: " + VARIABLE + " is plain http (" + baseUrl
                    + "). Links in mails, RFC 8058 one-click unsubscribe among them, must be https outside the "
                    + "embedded demo; only a loopback host (localhost, 127.0.0.1) may use http, for local trials.");
        }
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]")) {
            return false; // a name is never resolved here: only literal loopback addresses pass
        }
        try {
            return InetAddress.getByName(host.replaceAll("[\\[\\]]", "")).isLoopbackAddress();
        } catch (UnknownHostException unparseable) {
            return false;
        }
    }

    /** Startup stops: the public base URL is missing or unusable. The message says what to set. */
    static class RefusedException extends IllegalStateException {
        RefusedException(String message) {
            super(message);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {

        /** Static: a bean factory post-processor must exist before the other beans are even defined. */
        @Bean
        static PublicBaseUrlCheck publicBaseUrlCheck() {
            return new PublicBaseUrlCheck();
        }
    }

    /** Shows the refusal as one clear message instead of a stack trace. */
    static class Analyzer extends AbstractFailureAnalyzer<RefusedException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, RefusedException cause) {
            return new FailureAnalysis(cause.getMessage(), "Set " + VARIABLE + " to the https address customers use "
                    + "(README, \"Configuration\"), or run the embedded demo without WALLETDESK_DB_URL.", cause);
        }
    }
}
