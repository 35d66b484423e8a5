-- Breakdowns by intent and team, service-level detail, and complaint deadlines (issue 7). Facts stay one
-- row per conversation; report_daily holds their sums per day, channel, intent and team, kept in step by the
-- listeners in the same transaction as the fact, so a year of reports reads a few hundred thousand rows at
-- most instead of every conversation.
ALTER TABLE report_conversations ADD COLUMN reference VARCHAR(30);
ALTER TABLE report_conversations ADD COLUMN intent VARCHAR(40);
ALTER TABLE report_conversations ADD COLUMN intent_seq BIGINT;
ALTER TABLE report_conversations ADD COLUMN team_id BIGINT;
ALTER TABLE report_conversations ADD COLUMN breached_target VARCHAR(20);
-- Example conversations of an issue: the newest of one intent in a period.
CREATE INDEX report_conversations_intent_idx ON report_conversations (intent, started_day, conversation_id);

-- '' is "no intent detected" and 0 is "no team", so that the key has no NULLs.
CREATE TABLE report_daily (
    started_day            DATE NOT NULL,
    channel                VARCHAR(20) NOT NULL,
    intent                 VARCHAR(40) NOT NULL,
    team_id                BIGINT NOT NULL,
    conversations          BIGINT NOT NULL,
    answered               BIGINT NOT NULL,
    first_response_sum     BIGINT NOT NULL,
    first_response_on_time BIGINT NOT NULL,
    resolved               BIGINT NOT NULL,
    resolution_sum         BIGINT NOT NULL,
    resolved_on_time       BIGINT NOT NULL,
    breached               BIGINT NOT NULL,
    rating_1               BIGINT NOT NULL,
    rating_2               BIGINT NOT NULL,
    rating_3               BIGINT NOT NULL,
    rating_4               BIGINT NOT NULL,
    rating_5               BIGINT NOT NULL,
    PRIMARY KEY (started_day, channel, intent, team_id)
);

-- Facts recorded before this version: their sums (no intent, no team).
INSERT INTO report_daily (started_day, channel, intent, team_id, conversations, answered, first_response_sum,
    first_response_on_time, resolved, resolution_sum, resolved_on_time, breached, rating_1, rating_2, rating_3,
    rating_4, rating_5)
SELECT started_day, channel, '', 0, COUNT(*), COUNT(first_response_seconds), COALESCE(SUM(first_response_seconds), 0),
    SUM(CASE WHEN first_response_seconds IS NOT NULL AND NOT sla_breached THEN 1 ELSE 0 END),
    COUNT(resolved_at), COALESCE(SUM(CASE WHEN resolved_at IS NOT NULL THEN resolution_seconds ELSE 0 END), 0),
    SUM(CASE WHEN resolved_at IS NOT NULL AND NOT sla_breached THEN 1 ELSE 0 END),
    SUM(CASE WHEN sla_breached THEN 1 ELSE 0 END),
    SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN rating = 2 THEN 1 ELSE 0 END),
    SUM(CASE WHEN rating = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN rating = 4 THEN 1 ELSE 0 END),
    SUM(CASE WHEN rating = 5 THEN 1 ELSE 0 END)
FROM report_conversations GROUP BY started_day, channel;

-- Complaint deadlines as the complaint's events report them.
ALTER TABLE report_complaints ADD COLUMN filed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE report_complaints ADD COLUMN acknowledge_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE report_complaints ADD COLUMN answer_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE report_complaints ADD COLUMN acknowledged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE report_complaints ADD COLUMN answered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE report_complaints ADD COLUMN extended BOOLEAN DEFAULT FALSE NOT NULL;
