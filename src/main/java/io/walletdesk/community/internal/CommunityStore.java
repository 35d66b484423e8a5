package io.walletdesk.community.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The forum's tables; nothing outside this module reads them. */
@Repository
class CommunityStore {

    private static final String TOPIC_COLUMNS = "t.id, t.category, t.lang, t.title, t.author_user_id, t.state, t.locked, "
            + "t.accepted_post_id, t.conversation_id, t.merged_into, t.replies, t.created_at, t.updated_at, t.first_official_at";
    private static final String POST_COLUMNS = "p.id, p.topic_id, p.author_user_id, p.author_name, p.official, p.opening, "
            + "p.body, p.state, p.masked, p.look_alike, p.votes, p.created_at";

    private final JdbcClient jdbc;

    CommunityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertTopic(TopicCategory category, String language, String title, long author, TopicState state, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO community_topic (category, lang, title, author_user_id, state, created_at, updated_at)
                VALUES (:category, :lang, :title, :author, :state, :at, :at)""")
                .param("category", category.name()).param("lang", language).param("title", title)
                .param("author", author).param("state", state.name()).param("at", Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    long insertPost(long topicId, long author, String authorName, boolean official, boolean opening, String body,
            PostState state, Set<PersonalData> masked, boolean lookAlike, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO community_post (topic_id, author_user_id, author_name, official, opening, body, state, masked,
                    look_alike, created_at)
                VALUES (:topic, :author, :name, :official, :opening, :body, :state, :masked, :lookAlike, :at)""")
                .param("topic", topicId).param("author", author).param("name", authorName).param("official", official)
                .param("opening", opening).param("body", body).param("state", state.name())
                .param("masked", masked.stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("lookAlike", lookAlike).param("at", Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    void flag(long postId, FlagReason reason, String detail, Long reporter, Instant at) {
        jdbc.sql("""
                INSERT INTO community_flag (post_id, reason, detail, reporter_id, created_at)
                VALUES (:post, :reason, :detail, :reporter, :at)""")
                .param("post", postId).param("reason", reason.name())
                .param("detail", detail.length() > 500 ? detail.substring(0, 500) : detail)
                .param("reporter", reporter, java.sql.Types.BIGINT).param("at", Timestamp.from(at)).update();
    }

    Optional<Topic> topic(long id) {
        return jdbc.sql("SELECT " + TOPIC_COLUMNS + " FROM community_topic t WHERE t.id = :id").param("id", id)
                .query(CommunityStore::topic).optional();
    }

    /** Locks the topic row for the rest of the transaction, so concurrent replies and moderation apply in turn. */
    Optional<Topic> lockTopic(long id) {
        return jdbc.sql("SELECT " + TOPIC_COLUMNS + " FROM community_topic t WHERE t.id = :id FOR UPDATE").param("id", id)
                .query(CommunityStore::topic).optional();
    }

    Optional<Post> post(long id) {
        return jdbc.sql("SELECT " + POST_COLUMNS + " FROM community_post p WHERE p.id = :id").param("id", id)
                .query(CommunityStore::post).optional();
    }

    List<Post> posts(long topicId) {
        return jdbc.sql("SELECT " + POST_COLUMNS + " FROM community_post p WHERE p.topic_id = :topic ORDER BY p.id")
                .param("topic", topicId).query(CommunityStore::post).list();
    }

    /** Listed topics, newest activity first; {@code language} and {@code category} null for all. */
    List<Topic> listed(String language, TopicCategory category, int limit) {
        return jdbc.sql("SELECT " + TOPIC_COLUMNS + """
                 FROM community_topic t WHERE t.state IN ('OPEN', 'PRIVATE')
                  AND (CAST(:lang AS VARCHAR(8)) IS NULL OR t.lang = :lang)
                  AND (CAST(:category AS VARCHAR(32)) IS NULL OR t.category = :category)
                ORDER BY t.updated_at DESC, t.id DESC LIMIT :limit""")
                .param("lang", language, java.sql.Types.VARCHAR)
                .param("category", category == null ? null : category.name(), java.sql.Types.VARCHAR)
                .param("limit", limit).query(CommunityStore::topic).list();
    }

    List<Topic> changedSince(Instant since) {
        return jdbc.sql("SELECT " + TOPIC_COLUMNS + " FROM community_topic t WHERE t.updated_at >= :since ORDER BY t.id")
                .param("since", Timestamp.from(since)).query(CommunityStore::topic).list();
    }

    /** Published posts of the author anywhere in the forum: an account that has one is trusted to post directly. */
    boolean hasPublished(long author) {
        return jdbc.sql("SELECT COUNT(*) FROM community_post WHERE author_user_id = :author AND state = 'PUBLISHED'")
                .param("author", author).query(Long.class).single() > 0;
    }

    List<Flag> openFlags(int limit) {
        record Row(long id, FlagReason reason, String detail, Long reporter, Instant at, Post post) {
        }
        List<Row> rows = jdbc.sql("SELECT f.id AS flag_id, f.reason, f.detail, f.reporter_id, f.created_at AS flagged_at, "
                + POST_COLUMNS + """
                 FROM community_flag f JOIN community_post p ON p.id = f.post_id
                WHERE f.resolved_at IS NULL ORDER BY f.id LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong("flag_id"), FlagReason.valueOf(rs.getString("reason")),
                        rs.getString("detail"), (Long) rs.getObject("reporter_id", Long.class),
                        rs.getTimestamp("flagged_at").toInstant(), post(rs, n)))
                .list();
        return rows.stream().map(r -> new Flag(r.id(), r.reason(), r.detail(), r.reporter(), r.at(), r.post(),
                topic(r.post().topicId()).orElseThrow())).toList();
    }

    int resolveFlags(long postId, FlagReason reason, long by, Instant at) {
        return jdbc.sql("""
                UPDATE community_flag SET resolved_at = :at, resolved_by = :by
                WHERE post_id = :post AND resolved_at IS NULL AND (CAST(:reason AS VARCHAR(16)) IS NULL OR reason = :reason)""")
                .param("at", Timestamp.from(at)).param("by", by).param("post", postId)
                .param("reason", reason == null ? null : reason.name(), java.sql.Types.VARCHAR).update();
    }

    int setPostState(long postId, PostState state) {
        return jdbc.sql("UPDATE community_post SET state = :state WHERE id = :id")
                .param("state", state.name()).param("id", postId).update();
    }

    void updateTopic(Topic topic, Instant at) {
        jdbc.sql("""
                UPDATE community_topic SET category = :category, title = :title, state = :state, locked = :locked,
                    accepted_post_id = :accepted, conversation_id = :conversation, merged_into = :merged,
                    replies = (SELECT COUNT(*) FROM community_post p WHERE p.topic_id = :id AND p.opening = FALSE
                        AND p.state = 'PUBLISHED'),
                    first_official_at = :firstOfficial, updated_at = :at
                WHERE id = :id""")
                .param("category", topic.category().name()).param("title", topic.title())
                .param("state", topic.state().name()).param("locked", topic.locked())
                .param("accepted", topic.acceptedPostId(), java.sql.Types.BIGINT)
                .param("conversation", topic.conversationId(), java.sql.Types.BIGINT)
                .param("merged", topic.mergedInto(), java.sql.Types.BIGINT)
                .param("firstOfficial", topic.firstOfficialAt() == null ? null : Timestamp.from(topic.firstOfficialAt()),
                        java.sql.Types.TIMESTAMP)
                .param("at", Timestamp.from(at)).param("id", topic.id()).update();
    }

    /** Moves every post of {@code from} to {@code into}; the merged opening post becomes a reply. */
    void movePosts(long from, long into) {
        jdbc.sql("UPDATE community_post SET topic_id = :into, opening = FALSE WHERE topic_id = :from")
                .param("into", into).param("from", from).update();
    }

    /** One vote per account and post; false when this account had already voted. */
    boolean vote(long postId, long userId, Instant at) {
        int added = jdbc.sql("""
                INSERT INTO community_vote (post_id, user_id, voted_at)
                SELECT :post, :user, :at WHERE NOT EXISTS
                    (SELECT 1 FROM community_vote WHERE post_id = :post AND user_id = :user)""")
                .param("post", postId).param("user", userId).param("at", Timestamp.from(at)).update();
        if (added > 0) {
            jdbc.sql("UPDATE community_post SET votes = votes + 1 WHERE id = :post").param("post", postId).update();
        }
        return added > 0;
    }

    void deflected(String slug, String language, Long userId, Instant at) {
        jdbc.sql("INSERT INTO community_deflection (article_slug, lang, user_id, occurred_at) VALUES (:slug, :lang, :user, :at)")
                .param("slug", slug).param("lang", language).param("user", userId, java.sql.Types.BIGINT)
                .param("at", Timestamp.from(at)).update();
    }

    static Topic topic(ResultSet rs, int row) throws SQLException {
        Timestamp official = rs.getTimestamp("first_official_at");
        return new Topic(rs.getLong("id"), TopicCategory.valueOf(rs.getString("category")), rs.getString("lang"),
                rs.getString("title"), rs.getLong("author_user_id"), TopicState.valueOf(rs.getString("state")),
                rs.getBoolean("locked"), (Long) rs.getObject("accepted_post_id", Long.class),
                (Long) rs.getObject("conversation_id", Long.class), (Long) rs.getObject("merged_into", Long.class),
                rs.getInt("replies"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                official == null ? null : official.toInstant());
    }

    static Post post(ResultSet rs, int row) throws SQLException {
        String masked = rs.getString("masked");
        Set<PersonalData> kinds = EnumSet.noneOf(PersonalData.class);
        if (masked != null && !masked.isBlank()) {
            Arrays.stream(masked.split(",")).map(PersonalData::valueOf).forEach(kinds::add);
        }
        return new Post(rs.getLong("id"), rs.getLong("topic_id"), rs.getLong("author_user_id"), rs.getString("author_name"),
                rs.getBoolean("official"), rs.getBoolean("opening"), rs.getString("body"),
                PostState.valueOf(rs.getString("state")), kinds, rs.getBoolean("look_alike"), rs.getInt("votes"),
                rs.getTimestamp("created_at").toInstant());
    }
}
