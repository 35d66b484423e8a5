package io.walletdesk.shared.web;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files under content-hashed names (issue 17, ADR 0020): every {@code @{/css/app.css}} link in a page
 * becomes {@code /css/app-<md5 of the file>.css}, which a browser keeps for a year without asking again. The
 * plain name still answers (the embeddable {@code /widget.js}, links outside our pages) with five minutes of
 * caching and an ETag, so a new release reaches third-party pages within minutes. Replaces Spring Boot's default
 * mappings ({@code spring.web.resources.add-mappings=false}); the pages themselves stay {@code no-store}.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        hashed(registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/"));
        hashed(registry.addResourceHandler("/**").addResourceLocations("classpath:/static/"))
                .addTransformer(new WidgetStylesheet());
    }

    private static ResourceChainRegistration hashed(ResourceHandlerRegistration registration) {
        // The ETag (not the jar's timestamps) decides 304s; CachePolicy sets Cache-Control per request.
        return registration.setUseLastModified(false)
                .setEtagGenerator(StaticResources::etag)
                .resourceChain(true)
                .addResolver(new CachePolicy())
                .addResolver(new VersionResourceResolver().addVersionStrategy(new WidgetStylesheet.Versions(), "/**"));
    }

    /**
     * Weak, because Tomcat compresses the answer (a strong ETag promises the same bytes). Files are a few KB
     * and the resolved resources are cached, so hashing per request is cheap next to sending them.
     */
    static String etag(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return "W/\"" + HexFormat.of().formatHex(DigestUtils.md5Digest(in)) + "\"";
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** Rewrites static links in pages ({@code @{...}} goes through {@code encodeURL}) to their hashed names. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD);
        registration.setName("resourceUrlEncodingFilter");
        return registration;
    }
}
