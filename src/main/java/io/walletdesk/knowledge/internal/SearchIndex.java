package io.walletdesk.knowledge.internal;

import io.walletdesk.knowledge.ArticleHit;
import io.walletdesk.shared.i18n.SupportedLanguage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.web.util.HtmlUtils;

/**
 * An in-memory Lucene index of published articles, one set of fields per language so that each language gets
 * its own analysis: English and Indonesian stemming with stop words, Chinese word segmentation (SmartCN) plus
 * character bigrams. Words of four letters or more also match with one or two typos. Every node holds its
 * own copy, rebuilt from the database at start-up and kept in step by {@link ArticleLibrary}.
 */
final class SearchIndex implements AutoCloseable {

    private static final int MAX_QUERY_TERMS = 24;
    /** Offsets in the postings let the highlighter skip re-analysing each hit's text (SmartCN is slow). */
    private static final FieldType BODY = bodyType();

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final Map<SupportedLanguage, Analyzer> analyzers = new EnumMap<>(SupportedLanguage.class);
    private final Analyzer bigrams = new CJKAnalyzer();
    private final Analyzer plainWords = new StandardAnalyzer();
    private final Analyzer perField;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    SearchIndex() {
        analyzers.put(SupportedLanguage.EN, new EnglishAnalyzer());
        analyzers.put(SupportedLanguage.ID, new IndonesianAnalyzer());
        analyzers.put(SupportedLanguage.ZH_CN, new SmartChineseAnalyzer());
        Map<String, Analyzer> fields = new HashMap<>();
        analyzers.forEach((language, analyzer) -> {
            for (String field : List.of("title_", "tags_", "body_")) {
                fields.put(field + suffix(language), analyzer);
            }
        });
        fields.put("grams_zh", bigrams);
        // Unstemmed words for typo matching: a stemmer turns "verification" into "verif" but leaves the typo
        // "verificaton" alone, so edit distance must be measured on the words as written.
        fields.put("words_en", plainWords);
        fields.put("words_id", plainWords);
        perField = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(perField));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    static String suffix(SupportedLanguage language) {
        return switch (language) {
            case EN -> "en";
            case ID -> "id";
            case ZH_CN -> "zh";
        };
    }

    /** Adds, replaces or (when no longer published) removes the article. Call {@link #refresh()} after a batch. */
    void put(Article article) {
        Term key = new Term("id", Long.toString(article.id()));
        try {
            if (article.state() != ArticleState.PUBLISHED) {
                writer.deleteDocuments(key);
                return;
            }
            SupportedLanguage language = SupportedLanguage.fromTag(article.language()).orElse(SupportedLanguage.EN);
            String s = suffix(language);
            String plain = MarkdownText.plain(article.bodyMarkdown());
            Document doc = new Document();
            doc.add(new StringField("id", Long.toString(article.id()), Field.Store.YES));
            doc.add(new StringField("lang", language.tag(), Field.Store.YES));
            doc.add(new StoredField("slug", article.slug()));
            doc.add(new StoredField("summary", article.summary()));
            doc.add(new TextField("title_" + s, article.title(), Field.Store.YES));
            doc.add(new TextField("tags_" + s, article.tags(), Field.Store.NO));
            doc.add(new Field("body_" + s, article.summary() + "\n" + plain, BODY));
            if (language != SupportedLanguage.ZH_CN) {
                doc.add(new TextField("words_" + s, article.title() + "\n" + article.tags() + "\n" + plain, Field.Store.NO));
            }
            if (language == SupportedLanguage.ZH_CN) {
                doc.add(new TextField("grams_zh", article.title() + "\n" + article.tags() + "\n" + plain, Field.Store.NO));
            }
            writer.updateDocument(key, doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refresh() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<ArticleHit> search(String text, SupportedLanguage language, int limit) {
        Query query = query(text, language);
        if (query == null) {
            return List.of();
        }
        String s = suffix(language);
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            TopDocs top = searcher.search(query, limit);
            if (top.scoreDocs.length == 0) {
                return List.of();
            }
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, perField)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withMaxLength(20_000).build();
            String[] snippets = highlighter.highlight("body_" + s, query, top, 2);
            List<ArticleHit> hits = new ArrayList<>();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                Document doc = searcher.storedFields().document(hit.doc);
                String summary = doc.get("summary");
                String snippet = snippets[i] != null ? snippets[i] : HtmlUtils.htmlEscape(summary);
                hits.add(new ArticleHit(doc.get("slug"), doc.get("lang"), doc.get("title_" + s), summary, snippet,
                        hit.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException ignored) {
                // releasing an in-memory searcher cannot fail in practice
            }
        }
    }

    /** Every analysed word may match title (strongest), tags or body, exactly or with typos; only this language. */
    Query query(String text, SupportedLanguage language) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = suffix(language);
        String bounded = text.length() > 500 ? text.substring(0, 500) : text;
        Set<String> terms = terms(analyzers.get(language), "body_" + s, bounded);
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        int clauses = 0;
        for (String term : terms) {
            words.add(new BoostQuery(new TermQuery(new Term("title_" + s, term)), 3f), BooleanClause.Occur.SHOULD);
            words.add(new BoostQuery(new TermQuery(new Term("tags_" + s, term)), 2f), BooleanClause.Occur.SHOULD);
            words.add(new TermQuery(new Term("body_" + s, term)), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        if (language != SupportedLanguage.ZH_CN) {
            for (String word : terms(plainWords, "words_" + s, bounded)) {
                if (word.length() >= 4) {
                    int edits = word.length() >= 8 ? 2 : 1;
                    words.add(new BoostQuery(new FuzzyQuery(new Term("words_" + s, word), edits, 2, 20, true), 0.6f),
                            BooleanClause.Occur.SHOULD);
                    clauses++;
                }
            }
        }
        if (language == SupportedLanguage.ZH_CN) {
            // Bigrams still overlap when one character of a word is mistyped, where whole-word matching fails.
            for (String gram : terms(bigrams, "grams_zh", bounded)) {
                words.add(new BoostQuery(new TermQuery(new Term("grams_zh", gram)), 0.5f), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        if (clauses == 0) {
            return null;
        }
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term("lang", language.tag())), BooleanClause.Occur.FILTER)
                .add(words.build(), BooleanClause.Occur.MUST)
                .build();
    }

    private static Set<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        perField.close();
    }
}
