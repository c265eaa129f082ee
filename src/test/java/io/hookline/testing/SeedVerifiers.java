package io.hookline.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The seeds' own signature checks, run as their receivers would run them: seed 002's Python {@code verify_signature},
 * seed 003's Node {@code verifySignature} and seed 004's Node {@code verify}, copied unchanged into
 * src/test/resources/verifiers and called through a small command-line wrapper. Needs {@code python3} and {@code node}.
 */
public final class SeedVerifiers {

    private SeedVerifiers() {
    }

    /** Tonic Desk (seed 002): {@code X-Webhook-Signature: <hex>}. */
    public static boolean tonicDesk(String secret, String signature, String body) {
        return run(body, "python3", "tonic_desk.py", secret, signature);
    }

    /** Job-sync (seed 003): {@code X-Webhook-Signature: sha256=<hex>}. */
    public static boolean jobSync(String secret, String signature, String body) {
        return run(body, "node", "verify.mjs", "job-sync", secret, signature);
    }

    /** Customermates (seed 004): {@code X-Webhook-Signature: <hex>}. */
    public static boolean customermates(String secret, String signature, String body) {
        return run(body, "node", "verify.mjs", "customermates", secret, signature);
    }

    /** True or false as the snippet answered; anything else (a crash, a missing runtime) fails the test. */
    private static boolean run(String body, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory().toFile());
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(body.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() == 0 && answer.equals("true")) {
                return true;
            }
            if (process.exitValue() == 1 && answer.equals("false")) {
                return false;
            }
            throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + answer
                    + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new AssertionError("cannot run " + command[0] + " (python3 and node are needed)", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    private static Path directory() {
        try {
            return Path.of(SeedVerifiers.class.getResource("/verifiers/verify.mjs").toURI()).getParent();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
