package org.crmkit.modulecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.crmkit.core.Crm;
import org.junit.jupiter.api.Test;

/** crm-core's module descriptor works for a host on the module path: exports, opens to Jackson and provides. */
class ModulePathTest {
    /** crm-core's runtime dependencies; test libraries stay off the module path. */
    private static final Pattern RUNTIME = Pattern.compile(
            "(jackson-(annotations|core|databind|datatype-jsr310)|guava|failureaccess|caffeine|jspecify|libphonenumber"
            + "|commons-text|commons-lang3)-[0-9].*\\.jar");

    @Test
    void aHostOnTheModulePathUsesCrmCoreAndItsJsonModule() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path core = location(Crm.class);
        String modulePath = core + File.pathSeparator + Arrays.stream(classPath.split(File.pathSeparator))
                .filter(e -> RUNTIME.matcher(Path.of(e).getFileName().toString()).matches())
                .collect(Collectors.joining(File.pathSeparator));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "--module-path", modulePath,
                "--add-modules", "org.crmkit.core", "-cp", location(ModulePathProbe.class).toString(),
                ModulePathProbe.class.getName())).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("module path: ok"), out);
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
