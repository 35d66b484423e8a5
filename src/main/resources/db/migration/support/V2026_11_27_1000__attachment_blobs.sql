-- Attachment bytes move to the content-addressed blob store (ADR 0011): new rows keep only metadata and the
-- SHA-256, which is the blob's key. Rows written before keep their bytes in content until they are moved.
ALTER TABLE conversation_attachments ALTER COLUMN content DROP NOT NULL;
CREATE INDEX conversation_attachments_sha256_idx ON conversation_attachments (sha256);
