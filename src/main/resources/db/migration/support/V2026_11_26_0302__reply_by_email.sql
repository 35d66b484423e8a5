-- A customer who left a message while nobody could chat gets the answers by e-mail as well.
ALTER TABLE conversations ADD COLUMN reply_by_email BOOLEAN NOT NULL DEFAULT FALSE;
