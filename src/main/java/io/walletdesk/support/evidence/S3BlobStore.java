package io.walletdesk.support.evidence;

import io.walletdesk.shared.crypto.Digests;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects {@code <prefix>/<first two hex digits>/<sha256>} in an S3-compatible bucket (AWS S3, MinIO,
 * Ceph, S3Proxy), selected with {@code walletdesk.attachments.store=s3}, so every app node reads what any node
 * wrote without shared disks (ADR 0011). The object store is trusted no more than a disk: every read is
 * checked against its key, and each upload carries its SHA-256 so the server can refuse bytes damaged on the way.
 */
@Component
@ConditionalOnProperty(name = "walletdesk.attachments.store", havingValue = "s3")
class S3BlobStore implements BlobStore, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3BlobStore(@Value("${walletdesk.attachments.s3.endpoint:}") String endpoint,
            @Value("${walletdesk.attachments.s3.region:ap-southeast-3}") String region,
            @Value("${walletdesk.attachments.s3.bucket:}") String bucket,
            @Value("${walletdesk.attachments.s3.prefix:attachments}") String prefix,
            @Value("${walletdesk.attachments.s3.path-style:false}") boolean pathStyle,
            @Value("${walletdesk.attachments.s3.access-key-id:}") String accessKeyId,
            @Value("${walletdesk.attachments.s3.secret-access-key:}") String secretAccessKey) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("WALLETDESK_ATTACHMENTS_STORE=s3 needs WALLETDESK_S3_BUCKET "
                    + "(walletdesk.attachments.s3.bucket): the bucket that keeps attachment bytes");
        }
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        this.s3 = client(endpoint, region, pathStyle, credentials(accessKeyId, secretAccessKey));
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (S3Exception e) {
            s3.close();
            throw new IllegalStateException("The attachment bucket '" + bucket + "' cannot be reached ("
                    + e.statusCode() + " " + e.awsErrorDetails().errorCode() + ")", e);
        }
        log.info("Attachments are kept in S3 bucket {} under '{}'", bucket, this.prefix);
    }

    @Override
    public String put(byte[] content) {
        String sha256 = Digests.sha256(content);
        String key = objectKey(sha256);
        if (exists(sha256) && intact(sha256)) {
            return sha256; // identical content is stored once
        }
        // A PUT of an object is atomic in S3: readers see the whole old object, the whole new one, or none.
        s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/octet-stream")
                        .contentLength((long) content.length)
                        .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))),
                RequestBody.fromBytes(content));
        return sha256;
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        String key = objectKey(sha256);
        byte[] content;
        try {
            content = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(BlobStore.verified(sha256, content));
    }

    @Override
    public boolean exists(String sha256) {
        String key = objectKey(sha256);
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException missing) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        s3.close();
    }

    /** The object key of a blob (whether or not it exists). */
    String objectKey(String sha256) {
        if (!BlobStore.isKey(sha256)) {
            throw new IllegalArgumentException("Not a SHA-256 key: " + sha256);
        }
        String path = sha256.substring(0, 2) + "/" + sha256;
        return prefix.isEmpty() ? path : prefix + "/" + path;
    }

    private boolean intact(String sha256) {
        try {
            return get(sha256).isPresent();
        } catch (CorruptBlobException damaged) {
            // We hold the genuine bytes for this key, so the damaged object is replaced rather than kept.
            log.warn("Replacing damaged blob {} in bucket {}", sha256, bucket);
            return false;
        }
    }

    private static AwsCredentialsProvider credentials(String accessKeyId, String secretAccessKey) {
        if (accessKeyId != null && !accessKeyId.isBlank()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        }
        // Environment, profile, container or instance role: the usual places a deployment keeps them.
        return DefaultCredentialsProvider.builder().build();
    }

    private static S3Client client(String endpoint, String region, boolean pathStyle,
            AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
                // Only the checksums we ask for: many S3-compatible servers refuse the SDK's default CRC trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }
}
