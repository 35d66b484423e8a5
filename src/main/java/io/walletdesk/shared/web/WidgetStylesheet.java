package io.walletdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.resource.ContentVersionStrategy;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.ResourceTransformerSupport;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * The chat widget loads its own stylesheet, a link no page template holds: {@code /widget.js} is served with
 * that link rewritten to the stylesheet's hashed name, and the widget's own hash covers both files, so a changed
 * stylesheet gives the widget a new name too and both can be cached as immutable.
 */
final class WidgetStylesheet extends ResourceTransformerSupport {

    static final String SCRIPT = "widget.js";
    static final String STYLESHEET = "/css/widget.css";
    private static final String RELATIVE_STYLESHEET = "css/widget.css";

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
            throws IOException {
        Resource transformed = chain.transform(request, resource);
        if (!SCRIPT.equals(transformed.getFilename())) {
            return transformed;
        }
        String script = transformed.getContentAsString(StandardCharsets.UTF_8);
        String hashed = resolveUrlPath(STYLESHEET, request, transformed, chain);
        if (hashed == null || !script.contains("'" + STYLESHEET + "'")) {
            return transformed;
        }
        return CachePolicy.keepingCacheControl(transformed, new TransformedResource(transformed,
                script.replace("'" + STYLESHEET + "'", "'" + hashed + "'").getBytes(StandardCharsets.UTF_8)));
    }

    /** Content hashes, where the widget's covers its stylesheet as well. */
    static final class Versions extends ContentVersionStrategy {

        @Override
        public String getResourceVersion(Resource resource) {
            if (!SCRIPT.equals(resource.getFilename())) {
                return super.getResourceVersion(resource);
            }
            try (InputStream script = resource.getInputStream();
                    InputStream stylesheet = resource.createRelative(RELATIVE_STYLESHEET).getInputStream()) {
                ByteArrayOutputStream both = new ByteArrayOutputStream();
                script.transferTo(both);
                stylesheet.transferTo(both);
                return DigestUtils.md5DigestAsHex(both.toByteArray());
            } catch (IOException unreadable) {
                throw new IllegalStateException("Cannot read the widget and its stylesheet: " + resource, unreadable);
            }
        }
    }
}
