package io.walletdesk.shared.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A ZIP whose {@code manifest.sha256} lists every file's SHA-256, so anyone can check it with {@code sha256sum -c}. */
public final class ManifestZip {

    public static final String MANIFEST = "manifest.sha256";

    private ManifestZip() {
    }

    public static byte[] of(Map<String, byte[]> files) {
        Map<String, byte[]> all = new LinkedHashMap<>(files);
        StringBuilder manifest = new StringBuilder();
        files.forEach((name, content) -> manifest.append(Digests.sha256(content)).append("  ").append(name).append('\n'));
        all.put(MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
