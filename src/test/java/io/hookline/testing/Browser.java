package io.hookline.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.BooleanSupplier;

/**
 * Headless Chromium driven by Selenium, with the machine's chromedriver named explicitly so Selenium Manager never
 * downloads anything (the tests run without network). Screenshots go to target/screenshots.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final int WIDTH = 1280;

    private final ChromeDriver driver;
    private final URI base;
    private final Path userData;
    private final Path screenshots = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));

    private Browser(ChromeDriver driver, URI base, Path userData) {
        this.driver = driver;
        this.base = base;
        this.userData = userData;
    }

    public static Browser start(URI base) {
        try {
            Path userData = Files.createTempDirectory("hookline-chromium");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=" + WIDTH + ",900",
                    "--user-data-dir=" + userData);
            return new Browser(new ChromeDriver(service, options), base, userData);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String source() {
        return driver.getPageSource();
    }

    public WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public String text(String id) {
        return find(id).getText();
    }

    public Browser type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * Sets a field's value as a script would: date and time fields take keyboard input in the browser locale's own
     * layout, their value is the same ISO text everywhere.
     */
    public Browser setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", find(id), value);
        return this;
    }

    /** Clicks a link or submit button and waits until the next page has replaced this one. */
    public Browser click(String id) {
        return navigate(find(id));
    }

    public Browser navigate(WebElement linkOrButton) {
        linkOrButton.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ignored -> replaced(linkOrButton));
        return this;
    }

    /**
     * Whether the element's page is gone. Chromedriver reports an element of a page being replaced either as stale or,
     * now and then, with "does not belong to the document", which Selenium's stalenessOf does not expect.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException detached) {
            if (String.valueOf(detached.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw detached;
        }
    }

    /**
     * A form POST sent outside the browser with the browser's session cookie, as a forged cross-site request or a
     * hand-made one would be; answers the status (redirects are not followed).
     */
    public int postInThisSession(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue())).collect(Collectors.joining("&"));
        return statusInThisSession(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "POST " + path);
    }

    /** A GET sent outside the browser with its session cookie, to see the status a page answers with. */
    public int getInThisSession(String path) {
        return statusInThisSession(HttpRequest.newBuilder(base.resolve(path)).GET(), "GET " + path);
    }

    private int statusInThisSession(HttpRequest.Builder request, String what) {
        try {
            return HttpClient.newHttpClient().send(request.header("Cookie", "JSESSIONID=" + sessionId()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(what + " failed", failed);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public String sessionId() {
        return driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    /** Reloads the page until the condition holds or the time is up; the caller asserts afterwards. */
    public void reloadUntil(Duration timeout, BooleanSupplier condition) {
        Await.until(timeout, () -> {
            driver.navigate().refresh();
            return condition.getAsBoolean();
        }, Boolean::booleanValue);
    }

    public void signIn(String username, String password) {
        type("login:username", username).type("login:password", password).click("login:submit");
    }

    /** The whole page, as tall as it is, as target/screenshots/{name}.png. */
    public void screenshot(String name) {
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "window.scrollTo(0, 0); return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(Math.max(height, 600), 4000)));
        try {
            Files.createDirectories(screenshots);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, 900));
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(userData)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
