-- Chat tokens: the widget authenticates with a random token (stored hashed) instead of cookies, so it works
-- embedded on any site and needs no CSRF token.
CREATE TABLE chat_tokens (
    token_hash   VARCHAR(64) NOT NULL PRIMARY KEY,
    kind         VARCHAR(10) NOT NULL,
    user_id      BIGINT,
    visitor_id   VARCHAR(40),
    display_name VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT chat_tokens_kind_chk CHECK (kind IN ('CUSTOMER', 'VISITOR', 'STAFF'))
);
CREATE INDEX chat_tokens_expiry_idx ON chat_tokens (expires_at);

-- Agents' availability for chat: ONLINE with a heartbeat in the last two minutes counts as online.
CREATE TABLE agent_presence (
    user_id      BIGINT NOT NULL PRIMARY KEY,
    status       VARCHAR(10) NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT agent_presence_status_chk CHECK (status IN ('ONLINE', 'AWAY', 'OFFLINE'))
);
