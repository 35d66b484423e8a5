package io.walletdesk.knowledge;

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

/**
 * An in-memory Lucene index of texts in the supported languages, with the help centre's analysis: one set of
 * fields per language, English and Indonesian stemming with stop words, Chinese word segmentation (SmartCN) plus
 * character bigrams. Words of four letters or more also match with one or two typos. The help centre indexes
 * its articles with it; other modules (the community forum) index their own texts the same way, so a customer
 * finds the same things with the same words everywhere. Every node holds its own copy, which its owner rebuilds
 * from the database at start-up and keeps in step.
 */
public final class LanguageTextIndex implements AutoCloseable {

    /**
     * One text to index under {@code key}: {@code title} matches strongest, then {@code tags}, then {@code body};
     * {@code stored} values come back with each match.
     */
    public record Entry(String key, SupportedLanguage language, String title, String tags, String body,
            Map<String, String> stored) {
    }

    /** One match: {@code snippetHtml} is HTML-escaped body text with matched words in {@code <mark>}, or null. */
    public record Match(String key, String language, String title, Map<String, String> stored, String snippetHtml,
            float score) {
    }

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

    /** An empty index; {@link #close()} it when done. */
    public LanguageTextIndex() {
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

    private static String suffix(SupportedLanguage language) {
        return switch (language) {
            case EN -> "en";
            case ID -> "id";
            case ZH_CN -> "zh";
        };
    }

    /** Adds or replaces the entry with this key. Call {@link #refresh()} after a batch. */
    public void put(Entry entry) {
        Term key = new Term("id", entry.key());
        try {
            SupportedLanguage language = entry.language();
            String s = suffix(language);
            Document doc = new Document();
            doc.add(new StringField("id", entry.key(), Field.Store.YES));
            doc.add(new StringField("lang", language.tag(), Field.Store.YES));
            entry.stored().forEach((name, value) -> doc.add(new StoredField("stored_" + name, value)));
            doc.add(new TextField("title_" + s, entry.title(), Field.Store.YES));
            doc.add(new TextField("tags_" + s, entry.tags(), Field.Store.NO));
            doc.add(new Field("body_" + s, entry.body(), BODY));
            String all = entry.title() + "\n" + entry.tags() + "\n" + entry.body();
            doc.add(new TextField(language == SupportedLanguage.ZH_CN ? "grams_zh" : "words_" + s, all, Field.Store.NO));
            writer.updateDocument(key, doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the entry with this key, if there is one. Call {@link #refresh()} after a batch. */
    public void remove(String key) {
        try {
            writer.deleteDocuments(new Term("id", key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every entry. */
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was put or removed visible to searches. */
    public void refresh() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Best matches in {@code language}, at most {@code limit}; blank or word-less text finds nothing. */
    public List<Match> search(String text, SupportedLanguage language, int limit) {
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
            List<Match> hits = new ArrayList<>();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                Document doc = searcher.storedFields().document(hit.doc);
                Map<String, String> stored = new HashMap<>();
                for (var field : doc.getFields()) {
                    if (field.name().startsWith("stored_")) {
                        stored.put(field.name().substring("stored_".length()), field.stringValue());
                    }
                }
                hits.add(new Match(doc.get("id"), doc.get("lang"), doc.get("title_" + s), Map.copyOf(stored),
                        snippets[i], hit.score));
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
    private Query query(String text, SupportedLanguage language) {
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

    /** How many entries the index holds. */
    public int size() {
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
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            perField.close();
        }
    }
}
