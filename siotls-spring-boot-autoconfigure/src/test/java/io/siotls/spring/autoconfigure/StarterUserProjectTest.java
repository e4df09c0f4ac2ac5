package io.siotls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's starter dependency is the one tests/starter-user depends on, the application outside
 * the reactor that scripts/starter-user.sh builds against the published artifacts: what users copy
 * is what is tested. Its version is the reactor's, and the application's Boot is the reactor's.
 */
class StarterUserProjectTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path ROOT_POM = Path.of("..", "pom.xml");
    private static final Path STARTER_USER_POM = Path.of("..", "tests", "starter-user", "pom.xml");
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmeSnippetIsInTheStarterUserPomVerbatim() throws IOException {
        List<String> snippet = readmeSnippet();
        List<String> pom = Files.readAllLines(STARTER_USER_POM);

        assertThat(containsIndented(pom, snippet))
                .as("%s holds, with one indentation added to every line, README.md's snippet:%n%s", STARTER_USER_POM,
                        String.join("\n", snippet))
                .isTrue();
    }

    @Test
    void theSnippetNamesTheReactorsVersionAsAJar() throws IOException {
        String snippet = String.join("\n", readmeSnippet());
        String version = first(Pattern.compile("<artifactId>siotls-parent</artifactId>\\s*<version>([^<]+)</version>"),
                Files.readString(ROOT_POM));

        assertThat(snippet).contains("<groupId>io.siotls</groupId>")
                .contains("<version>" + version + "</version>")
                .doesNotContain("<type>").doesNotContain("<scope>");
    }

    @Test
    void theStarterUserRunsTheReactorsSpringBoot() throws IOException {
        String bootVersion = first(Pattern.compile("<spring-boot.version>([^<]+)</spring-boot.version>"),
                Files.readString(ROOT_POM));
        String parent = first(Pattern.compile("<parent>(.*?)</parent>", Pattern.DOTALL), Files.readString(STARTER_USER_POM));

        assertThat(parent).contains("<artifactId>spring-boot-starter-parent</artifactId>")
                .contains("<version>" + bootVersion + "</version>");
    }

    /** The lines of the one ```xml block of the README that names siotls-spring-boot-starter. */
    private static List<String> readmeSnippet() throws IOException {
        Matcher blocks = XML_BLOCK.matcher(Files.readString(README));
        List<String> starterBlocks = new ArrayList<>();
        while (blocks.find()) {
            if (blocks.group(1).contains("<artifactId>siotls-spring-boot-starter</artifactId>")) {
                starterBlocks.add(blocks.group(1));
            }
        }
        assertThat(starterBlocks).as("README.md's ```xml blocks naming siotls-spring-boot-starter").hasSize(1);
        return starterBlocks.get(0).lines().toList();
    }

    /** Whether {@code lines} hold {@code block} as consecutive lines, each after the same indentation. */
    static boolean containsIndented(List<String> lines, List<String> block) {
        for (int start = 0; start + block.size() <= lines.size(); start++) {
            String first = lines.get(start);
            if (!first.endsWith(block.get(0)) || !first.substring(0, first.length() - block.get(0).length()).isBlank()) {
                continue;
            }
            String indentation = first.substring(0, first.length() - block.get(0).length());
            boolean all = true;
            for (int i = 0; i < block.size() && all; i++) {
                all = lines.get(start + i).equals(block.get(i).isEmpty() ? "" : indentation + block.get(i));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in the text", pattern).isTrue();
        return matcher.group(1);
    }
}
