package io.walletdesk.community.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Forum figures for supervisors: topics by category, questions still unanswered after 24 hours, time to the first
 * official answer, and deflection (help articles opened from the suggestions while writing a topic).
 */
@Service
class CommunityReports {

    /** The figures of the last {@code days} days; durations in minutes, null when there is nothing to measure. */
    record Report(int days, Map<TopicCategory, Long> byCategory, List<Topic> unanswered, int officiallyAnswered,
            Long medianMinutesToOfficial, Long averageMinutesToOfficial, long topicsStarted, long deflections) {

        /** Articles opened per 100 topics started: how often a suggestion was tried instead of asking. */
        public long deflectionPerHundredTopics() {
            return topicsStarted == 0 ? 0 : Math.round(deflections * 100.0 / topicsStarted);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CommunityReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Report report(int days) {
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(Duration.ofDays(days)));
        Map<TopicCategory, Long> byCategory = new EnumMap<>(TopicCategory.class);
        for (TopicCategory c : TopicCategory.values()) {
            byCategory.put(c, 0L);
        }
        jdbc.sql("SELECT category, COUNT(*) AS n FROM community_topic WHERE created_at >= :since "
                        + "AND state IN ('OPEN', 'PRIVATE') GROUP BY category")
                .param("since", since)
                .query((rs, n) -> Map.entry(TopicCategory.valueOf(rs.getString("category")), rs.getLong("n")))
                .list().forEach(e -> byCategory.put(e.getKey(), e.getValue()));
        List<Topic> unanswered = jdbc.sql("""
                SELECT t.id, t.category, t.lang, t.title, t.author_user_id, t.state, t.locked, t.accepted_post_id,
                    t.conversation_id, t.merged_into, t.replies, t.created_at, t.updated_at, t.first_official_at
                FROM community_topic t WHERE t.state = 'OPEN' AND t.created_at < :dayAgo AND t.accepted_post_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM community_post p WHERE p.topic_id = t.id AND p.opening = FALSE
                      AND p.state = 'PUBLISHED' AND p.author_user_id <> t.author_user_id)
                ORDER BY t.created_at LIMIT 100""")
                .param("dayAgo", Timestamp.from(now.minus(Duration.ofHours(24))))
                .query(CommunityStore::topic).list();
        List<Long> minutes = new ArrayList<>(jdbc.sql("""
                SELECT created_at, first_official_at FROM community_topic
                WHERE first_official_at IS NOT NULL AND created_at >= :since""")
                .param("since", since)
                .query((rs, n) -> Duration.between(rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("first_official_at").toInstant()).toMinutes())
                .list());
        Collections.sort(minutes);
        Long median = minutes.isEmpty() ? null : minutes.get(minutes.size() / 2);
        Long average = minutes.isEmpty() ? null : Math.round(minutes.stream().mapToLong(Long::longValue).average().orElse(0));
        long started = jdbc.sql("SELECT COUNT(*) FROM community_topic WHERE created_at >= :since")
                .param("since", since).query(Long.class).single();
        long deflections = jdbc.sql("SELECT COUNT(*) FROM community_deflection WHERE occurred_at >= :since")
                .param("since", since).query(Long.class).single();
        return new Report(days, byCategory, unanswered, minutes.size(), median, average, started, deflections);
    }
}
