package io.walletdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape every module keeps (issue 18, ADR 0013): a module's base package is its API; its sub-packages are
 * internal and expose nothing public, except the open {@code shared} module and named interfaces. Types still
 * public in an internal package are listed below and may only disappear from the list: a new one fails the build,
 * and so does an entry that is no longer public (remove it).
 */
class ArchitectureRulesTest {

    /** Named interfaces other modules (or {@code main}) may use. */
    private static final Set<String> NAMED_INTERFACES = Set.of("io.walletdesk.knowledge.intent");

    /** Public types in internal packages that must stay so. */
    private static final Set<String> STILL_PUBLIC = Set.of(
            // Used across support's own sub-packages (Java has no module-private); ADR 0013.
            "io.walletdesk.support.evidence.EvidenceChain", "io.walletdesk.support.sla.ServiceLevels");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.walletdesk");

    @Test
    void internalPackagesExposeNoNewPublicTypes() {
        Set<String> publicInternal = new TreeSet<>();
        for (JavaClass type : MAIN) {
            if (type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC) && isInternal(type.getPackageName())) {
                publicInternal.add(type.getName());
            }
        }
        Set<String> unexpected = new TreeSet<>(publicInternal);
        unexpected.removeAll(STILL_PUBLIC);
        assertThat(unexpected).as("public types in internal packages: make them package-private, or move them to "
                + "the module's base package if other modules need them").isEmpty();
        Set<String> fixed = new TreeSet<>(STILL_PUBLIC);
        fixed.removeAll(publicInternal);
        assertThat(fixed).as("no longer public (or gone): remove them from STILL_PUBLIC").isEmpty();
    }

    @Test
    void noMainSourceFileIsLongerThanFourHundredLines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) > 400)
                    .map(f -> f + " (" + lines(f) + " lines)").toList();
        }
        assertThat(tooLong).as("split these by responsibility").isEmpty();
    }

    /**
     * Errors are the domain's: domain code throws {@code ProblemException} with a {@code FailureKind}; only the web
     * edge (controllers and advice, filters, URL rules, response builders, shared.web) knows HTTP statuses.
     */
    @Test
    void onlyTheWebEdgeSpeaksHttpStatus() {
        Set<String> speaking = new TreeSet<>();
        for (JavaClass type : MAIN) {
            boolean usesStatus = type.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getName().equals("org.springframework.http.HttpStatus"));
            if (usesStatus && !isWebEdge(type.getEnclosingClass().orElse(type)) && !isWebEdge(type)) {
                speaking.add(type.getName());
            }
        }
        assertThat(speaking).as("throw ProblemException with a FailureKind; map to HTTP at the web edge").isEmpty();
    }

    private static boolean isWebEdge(JavaClass type) {
        return type.getPackageName().startsWith("io.walletdesk.shared.web")
                || type.isMetaAnnotatedWith("org.springframework.stereotype.Controller")
                || type.isAnnotatedWith("org.springframework.stereotype.Controller")
                || type.isMetaAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
                || type.isAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
                || type.isAssignableTo("jakarta.servlet.Filter")
                || type.isAnnotatedWith("org.springframework.security.config.annotation.web.configuration.EnableWebSecurity")
                || type.getSimpleName().endsWith("UrlRules")
                || type.getDirectDependenciesFromSelf().stream().map(d -> d.getTargetClass().getName())
                        .anyMatch(name -> name.equals("org.springframework.http.ResponseEntity")
                                || name.equals("org.springframework.http.ProblemDetail"));
    }

    @Test
    void statesAreTypesNotStrings() throws IOException {
        Pattern constantEquals = Pattern.compile("\"[A-Z][A-Z_]+\"\\.equals\\(");
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            found = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    List<String> lines = Files.readAllLines(f);
                    return IntStream.range(0, lines.size())
                            .filter(i -> constantEquals.matcher(lines.get(i)).find())
                            .mapToObj(i -> f + ":" + (i + 1) + " " + lines.get(i).strip());
                } catch (IOException unreadable) {
                    throw new IllegalStateException(unreadable);
                }
            }).toList();
        }
        assertThat(found).as("compare enums, not \"CONSTANT\".equals(text)").isEmpty();
    }

    private static boolean isInternal(String packageName) {
        String[] parts = packageName.split("\\.");
        if (parts.length <= 3 || parts[2].equals("shared")) {
            return false; // io.walletdesk, a module's base package, or the open shared module
        }
        return NAMED_INTERFACES.stream().noneMatch(packageName::startsWith);
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
