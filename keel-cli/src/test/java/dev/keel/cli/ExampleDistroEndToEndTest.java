package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cli.demo.ExampleDistro;
import dev.keel.core.io.KeelCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end on the example distro, its upstream served over the git protocol on
 * loopback and the project in a real git repository: update, render, the check gate, a hand edit
 * caught, and an overlay change that re-renders only its component with the release and changelog
 * rpmautospec would compute.
 */
class ExampleDistroEndToEndTest {

    @TempDir
    Path dir;

    private ExampleDistro example;
    private Git project;
    private String previousCache;
    private int day;

    @BeforeEach
    void install() throws Exception {
        previousCache = System.getProperty(KeelCache.PROPERTY);
        System.setProperty(KeelCache.PROPERTY, dir.resolve("cache").toString());
        example = ExampleDistro.serve(dir, 0);
        project = Git.init()
                .setDirectory(example.project().toFile())
                .setInitialBranch("main")
                .call();
        commit("Start the example distro");
    }

    @AfterEach
    void close() {
        project.close();
        example.close();
        if (previousCache == null) {
            System.clearProperty(KeelCache.PROPERTY);
        } else {
            System.setProperty(KeelCache.PROPERTY, previousCache);
        }
    }

    private void commit(String message) throws Exception {
        project.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(
                new PersonIdent("Distro Maintainer", "maintainer@example.org"),
                Date.from(Instant.parse("2026-06-01T12:00:00Z").plusSeconds(86_400L * day++)),
                TimeZone.getTimeZone("UTC"));
        project.commit()
                .setMessage(message)
                .setAuthor(who)
                .setCommitter(who)
                .setSign(false)
                .call();
    }

    private CliRunner keel(String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = "-C";
        all[1] = example.project().toString();
        all[2] = "component";
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return CliRunner.run(all);
    }

    private String rendered(String path) throws Exception {
        return Files.readString(example.project().resolve("specs").resolve(path));
    }

    @Test
    void updateRenderGateHandEditAndAnOverlayChange() throws Exception {
        CliRunner update = keel("update", "-a");
        assertThat(update.exitCode()).as(update.err()).isZero();
        commit("Lock the upstream commits");
        CliRunner render = keel("render", "-a");
        assertThat(render.exitCode()).as(render.err() + render.out()).isZero();
        commit("Render");
        assertThat(keel("render", "-a", "--check-only").exitCode()).isZero();
        assertThat(rendered("h/hello/hello.spec")).contains("Release: 4%{?dist}");
        assertThat(rendered("l/libwidget/libwidget.spec"))
                .contains("    release_number = 4;\n")
                .contains("* Tue Jun 02 2026 Distro Maintainer <maintainer@example.org> - 1:4.2.0-4\n"
                        + "- Lock the upstream commits\n");

        Path pyfoo = example.project().resolve("specs/p/pyfoo/pyfoo.spec");
        Files.writeString(pyfoo, Files.readString(pyfoo).replace("Summary:", "Summary: (edited)"));
        CliRunner gate = keel("render", "-a", "--check-only");
        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.out()).contains("pyfoo").contains("differs: pyfoo.spec");
        assertThat(keel("render", "pyfoo").exitCode()).isZero();

        Path libwidget = example.project().resolve("components/libwidget.comp.toml");
        Files.writeString(libwidget, Files.readString(libwidget) + """

                [[components.libwidget.overlays]]
                description = "Say who ships it"
                type = "spec-add-tag"
                tag = "Vendor"
                value = "Keel Example"
                """);
        assertThat(keel("update", "-a").exitCode()).isZero();
        commit("Brand libwidget");
        CliRunner again = keel("render", "-a", "-O", "json");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out())
                .contains("\"component\" : \"libwidget\",\n    \"status\" : \"ok\"")
                .contains("\"component\" : \"hello\",\n    \"status\" : \"unchanged\"")
                .contains("\"component\" : \"pyfoo\",\n    \"status\" : \"unchanged\"")
                .contains("\"component\" : \"greeter\",\n    \"status\" : \"unchanged\"")
                .contains("\"component\" : \"notice\",\n    \"status\" : \"unchanged\"");
        assertThat(rendered("l/libwidget/libwidget.spec"))
                .contains("Vendor: Keel Example")
                .contains("    release_number = 5;\n")
                .contains("* Thu Jun 04 2026 Distro Maintainer <maintainer@example.org> - 1:4.2.0-5\n"
                        + "- Brand libwidget\n\n"
                        + "* Tue Jun 02 2026 Distro Maintainer <maintainer@example.org> - 1:4.2.0-4\n");
        assertThat(rendered("h/hello/hello.spec")).contains("Release: 4%{?dist}");
    }
}
