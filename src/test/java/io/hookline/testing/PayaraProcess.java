package io.hookline.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hookline in a Payara Micro process of its own, started the way payara/run.sh starts it, for tests that must kill
 * and restart the server. Configuration: the test server options from the build, plus any given here (later -D wins).
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static PayaraProcess start(String name, List<String> systemProperties) throws IOException {
        Path workDir = Files.createDirectories(Path.of(System.getProperty("it.work.dir"), name));
        Path payara = Path.of(System.getProperty("payara.dir"));
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("it.server.options").trim().split("\\s+")));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", payara.resolve("payara-micro.jar").toString(),
                "--nocluster", "--nohazelcast", "--disablephonehome", "--port", String.valueOf(port),
                "--postbootcommandfile", payara.resolve("post-boot.asadmin").toString(),
                "--deploy", System.getProperty("hookline.war"), "--contextroot", "/"));
        Path log = workDir.resolve("server-" + System.currentTimeMillis() + ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PayaraProcess server = new PayaraProcess(process, log, port);
        server.awaitReady(Duration.ofMinutes(3));
        return server;
    }

    private void awaitReady(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log).contains("Payara Micro") && Files.readString(log).contains(" ready in ")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited while starting; see " + log);
            }
            Await.pause(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Payara Micro was not ready in " + timeout + "; see " + log);
    }

    /** Everything the server wrote to stdout and stderr, its log included. */
    public Path log() {
        return log;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** As a crash would: no shutdown hooks, nothing flushed, nothing handed over. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
