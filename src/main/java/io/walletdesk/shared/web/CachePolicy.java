package io.walletdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * How long a browser may keep a static file. A request that names the file's content hash
 * ({@code /css/app-<md5>.css}) can never see other bytes: a year, {@code immutable}. A plain name
 * ({@code /widget.js}, embedded on other sites) changes with each release: five minutes, then a revalidation
 * by ETag. Setting Cache-Control here also keeps Spring Security's {@code no-store} (for pages) off these files.
 */
final class CachePolicy extends AbstractResourceResolver {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";

    @Override
    protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
            List<? extends Resource> locations, ResourceResolverChain chain) {
        Resource resolved = chain.resolveResource(request, requestPath, locations);
        if (resolved == null) {
            return null;
        }
        // VersionResourceResolver answers a hashed name (and only one whose hash matches) with an HttpResource.
        return new WithCacheControl(resolved, resolved instanceof HttpResource ? IMMUTABLE : SHORT);
    }

    @Override
    protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
            ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourceUrlPath, locations);
    }

    /** {@code after}, a transformation of {@code before}, with the Cache-Control chosen for {@code before}. */
    static Resource keepingCacheControl(Resource before, Resource after) {
        return before instanceof WithCacheControl cached ? new WithCacheControl(after, cached.cacheControl) : after;
    }

    /** The resolved file with its Cache-Control (and without the resolver's strong ETag: see StaticResources). */
    static final class WithCacheControl extends AbstractResource implements HttpResource {

        private final Resource file;
        private final String cacheControl;

        WithCacheControl(Resource file, String cacheControl) {
            this.file = file;
            this.cacheControl = cacheControl;
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.setCacheControl(cacheControl);
            return headers;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return file.getInputStream();
        }

        @Override
        public boolean exists() {
            return file.exists();
        }

        @Override
        public boolean isReadable() {
            return file.isReadable();
        }

        @Override
        public boolean isFile() {
            return file.isFile();
        }

        @Override
        public URL getURL() throws IOException {
            return file.getURL();
        }

        @Override
        public URI getURI() throws IOException {
            return file.getURI();
        }

        @Override
        public File getFile() throws IOException {
            return file.getFile();
        }

        @Override
        public long contentLength() throws IOException {
            return file.contentLength();
        }

        @Override
        public long lastModified() throws IOException {
            return file.lastModified();
        }

        @Override
        public Resource createRelative(String relativePath) throws IOException {
            return file.createRelative(relativePath);
        }

        @Override
        public String getFilename() {
            return file.getFilename();
        }

        @Override
        public String getDescription() {
            return file.getDescription();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WithCacheControl that && file.equals(that.file) && cacheControl.equals(that.cacheControl);
        }

        @Override
        public int hashCode() {
            return file.hashCode() * 31 + cacheControl.hashCode();
        }
    }
}
