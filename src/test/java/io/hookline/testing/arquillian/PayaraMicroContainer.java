package io.hookline.testing.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Payara's Micro connector with two of its races closed.
 * <ul>
 * <li>It reads the server's start-up report while the server is still printing it: when it looks between the
 * report's first lines and its list of deployed servlets it finds no servlet, and every test of the class fails with
 * "ArquillianServletRunnerEE9 not found". Then the servlets are asked for over HTTP instead, until they answer.</li>
 * <li>It stops a server by signalling it and returns at once, so the next test class's server could start while
 * the last one still held the embedded database or ran its timers. Undeploying waits until the process is gone.</li>
 * </ul>
 */
public class PayaraMicroContainer implements DeployableContainer<PayaraMicroContainerConfiguration> {

    private static final String RUNNER = "ArquillianServletRunnerEE9";
    private static final String DEFAULT_SERVLET = "default";
    private static final long EXIT_SECONDS = 60;
    private static final long ANSWER_SECONDS = 60;

    private final PayaraMicroDeployableContainer connector = new PayaraMicroDeployableContainer();
    private ProcessHandle server;

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return connector.getConfigurationClass();
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        connector.setup(configuration);
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return connector.getDefaultProtocol();
    }

    @Override
    public void start() throws LifecycleException {
        connector.start();
    }

    @Override
    public void stop() throws LifecycleException {
        connector.stop();
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        List<ProcessHandle> before = ProcessHandle.current().children().toList();
        ProtocolMetaData metaData = connector.deploy(archive);
        server = ProcessHandle.current().children().filter(child -> !before.contains(child)).findFirst().orElse(null);
        HTTPContext http = metaData.getContexts(HTTPContext.class).iterator().next();
        if (http.getServlets().isEmpty()) {
            String contextRoot = "/" + archive.getName().replaceFirst("\\.war$", "");
            String lastAnswer = awaitServlets(http, contextRoot);
            if (http.getServlets().isEmpty()) {
                String why = server != null && !server.isAlive() ? "the server exited" : "no answer in " + ANSWER_SECONDS + " s";
                stopServer();
                throw new DeploymentException(archive.getName() + " did not deploy (" + why + "): " + contextRoot
                        + " last answered " + lastAnswer + " (the server's log is in the test's output)");
            }
        }
        return metaData;
    }

    /**
     * Asks for the servlets until one answers, the server exits or the time is up, and returns the last answer. The
     * start-up report can be printed a moment before the listener serves the application, so one refusal proves
     * nothing.
     */
    private String awaitServlets(HTTPContext http, String contextRoot) throws DeploymentException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_SECONDS);
        String answer = "nothing";
        while ((server == null || server.isAlive()) && System.nanoTime() < deadline) {
            answer = addIfAnswering(http, contextRoot, RUNNER, "/" + RUNNER);
            addIfAnswering(http, contextRoot, DEFAULT_SERVLET, "/");
            if (!http.getServlets().isEmpty()) {
                break;
            }
            pause();
        }
        return answer;
    }

    /** Adds the servlet if its path answers other than 404, and says what it answered. */
    private static String addIfAnswering(HTTPContext http, String contextRoot, String servlet, String path)
            throws DeploymentException {
        URI uri = URI.create("http://" + http.getHost() + ":" + http.getPort() + contextRoot + path);
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 404) {
                http.add(new Servlet(servlet, contextRoot));
            }
            return "HTTP " + response.statusCode();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("interrupted asking " + uri, e);
        }
    }

    private static void pause() throws DeploymentException {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("interrupted waiting for the deployment", e);
        }
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        connector.undeploy(archive);
        stopServer();
    }

    /** Signals the server (again, if the connector has) and waits until it has gone. */
    private void stopServer() throws DeploymentException {
        ProcessHandle process = server;
        server = null;
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(EXIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        } catch (Exception e) {
            throw new DeploymentException("waiting for the server to stop", e);
        }
    }

    @Override
    public void deploy(Descriptor descriptor) throws DeploymentException {
        connector.deploy(descriptor);
    }

    @Override
    public void undeploy(Descriptor descriptor) throws DeploymentException {
        connector.undeploy(descriptor);
    }
}
