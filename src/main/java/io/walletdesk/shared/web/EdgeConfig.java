package io.walletdesk.shared.web;

import jakarta.servlet.DispatcherType;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JacksonModule;

/** The web edge: request bodies are bounded and checked before anything else reads them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeSettings.class)
class EdgeConfig {

    /** Right after the character encoding filter (so forms decode as UTF-8), before security and sessions. */
    static final int BODY_GUARD_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    @Bean
    FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(EdgeSettings settings,
            @Value("${spring.servlet.multipart.max-request-size:11MB}") DataSize maxUpload,
            @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxUploadFile) {
        FilterRegistrationBean<RequestBodyGuard> registration = new FilterRegistrationBean<>(
                new RequestBodyGuard(settings, maxUpload.toBytes(), maxUploadFile.toMegabytes()));
        registration.setOrder(BODY_GUARD_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setName("requestBodyGuard");
        return registration;
    }

    /** Right after Spring Session's filter, which wraps the request with the database-backed session. */
    @Bean
    FilterRegistrationBean<ErrorDispatchSessions> errorDispatchSessions() {
        FilterRegistrationBean<ErrorDispatchSessions> registration = new FilterRegistrationBean<>(new ErrorDispatchSessions());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setName("errorDispatchSessions");
        return registration;
    }

    /**
     * A body the guard refused is not drained after the answer: draining waits on a slow sender with a worker
     * thread, which is the attack. Set here because the property does not take 0.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> noDraining() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxSwallowSize(0);
                // "Expect: 100-continue" is answered only when the application reads the body, so a body the
                // guard refuses from its headers is answered 413 before the client sends it.
                http.setContinueResponseTiming("onRead");
            }
        });
    }

    /** Requests Tomcat itself refuses (before any filter) still answer the API with problem+json. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> containerProblems() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ContainerProblemValve.class.getName());
            }
        });
    }

    /** Spring Security's strict firewall, with a cheaper check of header text (same verdicts). */
    @Bean
    HttpFirewall httpFirewall() {
        return HeaderTextRule.firewall();
    }

    /** JSON strings refuse U+0000 like every other text input. */
    @Bean
    JacksonModule noNulStrings() {
        return NulGuard.jacksonModule();
    }
}
