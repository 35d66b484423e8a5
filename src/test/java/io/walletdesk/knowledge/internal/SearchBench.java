package io.walletdesk.knowledge.internal;

import io.walletdesk.shared.i18n.SupportedLanguage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Search latency on a large help centre (run by bench/run-search-bench.sh, not by the test suite): builds an
 * index of N articles made from the shipped ones (each a shuffled mix of real paragraphs, spread over the three
 * languages), then times queries written as customers type them, a quarter of them with a typo.
 */
public final class SearchBench {

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        List<ArticleDraft> shipped = ShippedArticles.load();
        Random random = new Random(42);
        try (SearchIndex index = new SearchIndex()) {
            long started = System.nanoTime();
            for (int i = 0; i < total; i++) {
                ArticleDraft base = shipped.get(i % shipped.size());
                ArticleDraft other = shipped.stream().filter(d -> d.language() == base.language())
                        .skip(random.nextInt(30)).findFirst().orElse(base);
                String[] paragraphs = (base.bodyMarkdown() + "\n\n" + other.bodyMarkdown()).split("\n\n");
                List<String> mixed = new ArrayList<>(Arrays.asList(paragraphs));
                Collections.shuffle(mixed, random);
                Instant now = Instant.now();
                index.put(new Article(i + 1, base.slug() + "-" + i, base.language().tag(), base.title() + " " + i,
                        base.summary(), base.category(), base.tags(), String.join("\n\n", mixed.subList(0, Math.min(6, mixed.size()))),
                        ArticleState.PUBLISHED, 1, 0, 0, now, now, now));
            }
            index.refresh();
            System.out.printf("indexed %d articles in %d ms%n", total, (System.nanoTime() - started) / 1_000_000);
            String[][] asked = {
                    {"en", "my top up failed"}, {"en", "verificaton identty"}, {"en", "fake customer service asked my otp"},
                    {"en", "money sent to wrong number"}, {"en", "account locked cannot login"}, {"en", "refund status"},
                    {"id", "saldo gak masuk padahal udah transfer"}, {"id", "akun saya terblokir"}, {"id", "verifkasi ktp gagal"},
                    {"id", "lupa pin"}, {"id", "cara komplain ke ojk"}, {"id", "top up gagal terus"},
                    {"zh-CN", "充值失败"}, {"zh-CN", "冲值没到账"}, {"zh-CN", "账户被冻结了怎么办"}, {"zh-CN", "转错人了"},
                    {"zh-CN", "客服联系不上"}, {"zh-CN", "怎么投诉"}};
            for (int i = 0; i < 300; i++) { // warm-up
                String[] q = asked[i % asked.length];
                index.search(q[1], SupportedLanguage.fromTag(q[0]).orElseThrow(), 10);
            }
            long[] nanos = new long[queries];
            Map<String, List<Long>> byLanguage = new TreeMap<>();
            int hits = 0;
            for (int i = 0; i < queries; i++) {
                String[] q = asked[random.nextInt(asked.length)];
                long t = System.nanoTime();
                hits += index.search(q[1], SupportedLanguage.fromTag(q[0]).orElseThrow(), 10).isEmpty() ? 0 : 1;
                nanos[i] = System.nanoTime() - t;
                byLanguage.computeIfAbsent(q[0], k -> new ArrayList<>()).add(nanos[i]);
            }
            byLanguage.forEach((language, times) -> {
                Collections.sort(times);
                System.out.printf("  %-5s n=%d p50=%.2f ms p95=%.2f ms%n", language, times.size(),
                        times.get(times.size() / 2) / 1e6, times.get((int) (times.size() * 0.95)) / 1e6);
            });
            Arrays.sort(nanos);
            System.out.printf("queries=%d with-hits=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%n", queries, hits,
                    nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.95)] / 1e6, nanos[(int) (queries * 0.99)] / 1e6,
                    nanos[queries - 1] / 1e6);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap used after run: %d MB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        }
    }
}
