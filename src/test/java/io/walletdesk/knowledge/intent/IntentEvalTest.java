package io.walletdesk.knowledge.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code intent-eval} command end to end on small files. */
class IntentEvalTest {

    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = IntentEval.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isEqualTo(expectedExit);
        return out;
    }

    @Test
    void trainsOnOneFileAndReportsPerIntentAndAccuracyOnTheOther() throws IOException {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        Files.copy(IntentEvalTest.class.getResourceAsStream("/knowledge/intent-test/phrases.csv"), train);
        Files.writeString(test, """
                text,category
                "my top up failed, please help",topup_failed
                lupa pin saya,forgot_pin
                我要人工客服,human_agent
                when do you open on saturday,service_hours
                """);
        String out = run(0, "--train", train.toString(), "--test", test.toString());
        List<String> lines = out.lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("accuracy=\\d\\.\\d{4}");
        assertThat(lines).anyMatch(l -> l.matches("intent\\s+precision\\s+recall\\s+support"));
        for (String intent : List.of("topup_failed", "forgot_pin", "human_agent", "service_hours")) {
            assertThat(lines).anyMatch(l -> l.matches(intent + "\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+1"));
        }
        // aligned: every per-intent line has its numbers in the same columns
        List<String> rows = lines.stream().filter(l -> l.matches("\\w+\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+\\d+")).toList();
        assertThat(rows.stream().map(String::length).distinct()).hasSize(1);
    }

    @Test
    void crossValidatesAndHoldsOut() throws IOException {
        Path train = dir.resolve("train.csv");
        Files.copy(IntentEvalTest.class.getResourceAsStream("/knowledge/intent-test/phrases.csv"), train);
        List<String> cv = run(0, "--train", train.toString(), "--folds", "3").lines().toList();
        assertThat(cv.get(cv.size() - 1)).matches("accuracy=\\d\\.\\d{4}");
        assertThat(cv).anyMatch(l -> l.startsWith("# accuracy on fold 3"));
        List<String> holdout = run(0, "--train", train.toString(), "--holdout", "0.25").lines().toList();
        assertThat(holdout.get(holdout.size() - 1)).matches("accuracy=\\d\\.\\d{4}");
    }

    @Test
    void badArgumentsAndMissingFilesExitWithAMessage() {
        assertThat(run(2, "--train", dir.resolve("nope.csv").toString(), "--test", dir.resolve("nope.csv").toString()))
                .contains("no such file").contains("nope.csv");
        assertThat(run(2, "--bogus", "1")).contains("unknown option --bogus").contains("usage:");
        assertThat(run(2, "--train")).contains("missing value after --train");
        assertThat(run(2)).contains("exactly one of --test, --folds, --holdout and --scope");
        assertThat(run(2, "--test", "a.csv", "--folds", "5")).contains("exactly one");
        assertThat(run(2, "--folds", "x")).contains("not a number");
        assertThat(run(2, "--folds", "1")).contains("between 2 and 20");
    }
}
