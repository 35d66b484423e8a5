-- Answers a customer has not read within minutes are sent to them by e-mail once.
ALTER TABLE conversations ADD COLUMN customer_notified_seq BIGINT NOT NULL DEFAULT 0;
