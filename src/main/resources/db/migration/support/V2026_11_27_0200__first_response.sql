-- Who answers a chat first: the assistant until it hands over (or an agent writes), then humans.
CREATE TABLE conversation_responder (
    conversation_id BIGINT       NOT NULL PRIMARY KEY REFERENCES conversations (id),
    responder       VARCHAR(16)  NOT NULL,
    intent          VARCHAR(40),
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversation_responder_kind CHECK (responder IN ('ASSISTANT', 'HUMANS'))
);

-- Desk-wide switches that every node reads from the database, so all nodes agree.
CREATE TABLE support_switch (
    name       VARCHAR(60) NOT NULL PRIMARY KEY,
    enabled    BOOLEAN     NOT NULL,
    changed_by BIGINT,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
