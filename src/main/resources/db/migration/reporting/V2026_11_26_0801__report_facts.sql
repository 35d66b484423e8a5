-- Report facts, one row per conversation and per complaint, written from events.
CREATE TABLE report_conversations (
    conversation_id        BIGINT NOT NULL PRIMARY KEY,
    started_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    started_day            DATE NOT NULL,
    channel                VARCHAR(20) NOT NULL,
    first_response_seconds BIGINT,
    resolved_at            TIMESTAMP WITH TIME ZONE,
    resolution_seconds     BIGINT,
    sla_breached           BOOLEAN NOT NULL DEFAULT FALSE,
    rating                 INT
);
CREATE INDEX report_conversations_day_idx ON report_conversations (started_day, channel);

CREATE TABLE report_complaints (
    complaint_id BIGINT NOT NULL PRIMARY KEY,
    filed_day    DATE NOT NULL,
    category     VARCHAR(40) NOT NULL
);
CREATE INDEX report_complaints_day_idx ON report_complaints (filed_day);
