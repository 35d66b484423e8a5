-- Delivery bookkeeping for the outbox: tries, last error and the Message-ID a sent mail got.
ALTER TABLE outbound_message ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE outbound_message ADD COLUMN last_error VARCHAR(500);
ALTER TABLE outbound_message ADD COLUMN message_id VARCHAR(300);
