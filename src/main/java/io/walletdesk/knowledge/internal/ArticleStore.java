package io.walletdesk.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for articles, their revisions and votes. Every change of text or state writes a revision row. */
@Repository
class ArticleStore {

    private static final String COLUMNS = """
            id, slug, lang, title, summary, category, tags, body_md, state, revision, helpful_yes, helpful_no,
            created_at, updated_at, published_at""";

    private final JdbcClient jdbc;

    ArticleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Revision(int revision, String title, String summary, String category, String tags, String bodyMarkdown,
            ArticleState state, Long editedBy, Instant editedAt) {
    }

    long insert(ArticleDraft draft, ArticleState state, Long by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO kb_article (slug, lang, title, summary, category, tags, body_md, state, revision,
                                        created_at, updated_at, published_at)
                VALUES (:slug, :lang, :title, :summary, :category, :tags, :body, :state, 1, :now, :now, :published)""")
                .param("slug", draft.slug()).param("lang", draft.language().tag()).param("title", draft.title())
                .param("summary", draft.summary()).param("category", draft.category()).param("tags", draft.tags())
                .param("body", draft.bodyMarkdown()).param("state", state.name()).param("now", Timestamp.from(now))
                .param("published", state == ArticleState.PUBLISHED ? Timestamp.from(now) : null)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        writeRevision(id, by, now);
        return id;
    }

    /** Saves new text if nobody saved in between; false when {@code expectedRevision} is stale. */
    boolean updateText(long id, int expectedRevision, ArticleDraft draft, Long by, Instant now) {
        int changed = jdbc.sql("""
                UPDATE kb_article SET title = :title, summary = :summary, category = :category, tags = :tags,
                       body_md = :body, revision = revision + 1, updated_at = :now
                WHERE id = :id AND revision = :expected""")
                .param("title", draft.title()).param("summary", draft.summary()).param("category", draft.category())
                .param("tags", draft.tags()).param("body", draft.bodyMarkdown()).param("now", Timestamp.from(now))
                .param("id", id).param("expected", expectedRevision).update();
        if (changed == 1) {
            writeRevision(id, by, now);
        }
        return changed == 1;
    }

    void changeState(long id, ArticleState state, Long by, Instant now) {
        jdbc.sql("""
                UPDATE kb_article SET state = :state, revision = revision + 1, updated_at = :now,
                       published_at = CASE WHEN :state = :published THEN :now ELSE published_at END
                WHERE id = :id""")
                .param("state", state.name()).param("published", ArticleState.PUBLISHED.name()).param("now", Timestamp.from(now)).param("id", id).update();
        writeRevision(id, by, now);
    }

    private void writeRevision(long id, Long by, Instant now) {
        jdbc.sql("""
                INSERT INTO kb_article_revision (article_id, revision, title, summary, category, tags, body_md, state,
                                                 edited_by, edited_at)
                SELECT id, revision, title, summary, category, tags, body_md, state, :by, :now FROM kb_article WHERE id = :id""")
                .param("by", by).param("now", Timestamp.from(now)).param("id", id).update();
    }

    Optional<Article> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kb_article WHERE id = :id").param("id", id)
                .query(ArticleStore::map).optional();
    }

    Optional<Article> find(String slug, String language) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kb_article WHERE slug = :slug AND lang = :lang")
                .param("slug", slug).param("lang", language).query(ArticleStore::map).optional();
    }

    /** Every language version of one article, in any state. */
    List<Article> translations(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kb_article WHERE slug = :slug ORDER BY lang")
                .param("slug", slug).query(ArticleStore::map).list();
    }

    List<Article> published(String language) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kb_article WHERE lang = :lang AND state = :published ORDER BY title")
                .param("lang", language).param("published", ArticleState.PUBLISHED.name()).query(ArticleStore::map).list();
    }

    List<Article> related(String slug, String language, String category, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM kb_article WHERE lang = :lang AND category = :category AND state = :published AND slug <> :slug
                ORDER BY title LIMIT :limit""")
                .param("published", ArticleState.PUBLISHED.name()).param("lang", language).param("category", category).param("slug", slug).param("limit", limit)
                .query(ArticleStore::map).list();
    }

    /** Staff list: optional language and state, newest change first. */
    List<Article> list(String language, ArticleState state, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM kb_article WHERE (CAST(:lang AS VARCHAR) IS NULL OR lang = :lang) AND (CAST(:state AS VARCHAR) IS NULL OR state = :state)
                ORDER BY updated_at DESC, id DESC LIMIT :limit""")
                .param("lang", language).param("state", state == null ? null : state.name()).param("limit", limit)
                .query(ArticleStore::map).list();
    }

    /** Rows changed at or after {@code since}, for keeping a node's search index in step. */
    List<Article> changedSince(Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kb_article WHERE updated_at >= :since ORDER BY updated_at")
                .param("since", Timestamp.from(since)).query(ArticleStore::map).list();
    }

    List<Article> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kb_article ORDER BY id").query(ArticleStore::map).list();
    }

    List<Revision> revisions(long articleId) {
        return jdbc.sql("""
                SELECT revision, title, summary, category, tags, body_md, state, edited_by, edited_at
                FROM kb_article_revision WHERE article_id = :id ORDER BY revision DESC""")
                .param("id", articleId).query((rs, n) -> new Revision(rs.getInt("revision"), rs.getString("title"),
                        rs.getString("summary"), rs.getString("category"), rs.getString("tags"), rs.getString("body_md"),
                        ArticleState.valueOf(rs.getString("state")), (Long) rs.getObject("edited_by", Long.class),
                        rs.getTimestamp("edited_at").toInstant()))
                .list();
    }

    /** Records a reader's vote once; a second vote by the same reader changes nothing. */
    boolean vote(long articleId, String voter, boolean helpful, Instant now) {
        int inserted = jdbc.sql("""
                INSERT INTO kb_vote (article_id, voter, helpful, voted_at)
                SELECT :id, :voter, :helpful, :now WHERE NOT EXISTS
                    (SELECT 1 FROM kb_vote WHERE article_id = :id AND voter = :voter)""")
                .param("id", articleId).param("voter", voter).param("helpful", helpful).param("now", Timestamp.from(now))
                .update();
        if (inserted == 1) {
            jdbc.sql(helpful ? "UPDATE kb_article SET helpful_yes = helpful_yes + 1 WHERE id = :id"
                    : "UPDATE kb_article SET helpful_no = helpful_no + 1 WHERE id = :id").param("id", articleId).update();
        }
        return inserted == 1;
    }

    private static Article map(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Article(rs.getLong("id"), rs.getString("slug"), rs.getString("lang"), rs.getString("title"),
                rs.getString("summary"), rs.getString("category"), rs.getString("tags"), rs.getString("body_md"),
                ArticleState.valueOf(rs.getString("state")), rs.getInt("revision"), rs.getInt("helpful_yes"),
                rs.getInt("helpful_no"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), published == null ? null : published.toInstant());
    }
}
