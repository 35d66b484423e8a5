-- E-mail channel: every Message-ID we have seen (inbound) or sent (outbound), mapped to its conversation,
-- so replies thread by In-Reply-To/References and a redelivered mail is stored once; and addresses that bounce.
CREATE TABLE mail_messages (
    message_id      VARCHAR(300) NOT NULL PRIMARY KEY,
    conversation_id BIGINT,
    direction       VARCHAR(3) NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mail_messages_direction_chk CHECK (direction IN ('IN', 'OUT'))
);
CREATE INDEX mail_messages_conversation_idx ON mail_messages (conversation_id);

CREATE TABLE mail_address_status (
    address        VARCHAR(254) NOT NULL PRIMARY KEY,
    failing        BOOLEAN NOT NULL,
    last_bounce_at TIMESTAMP WITH TIME ZONE,
    reason         VARCHAR(500)
);
