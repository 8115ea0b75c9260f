package io.jixiao.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's, driven through its chromedriver) as a person uses the console: the Keycloak sign-in
 * page, clicks, typing, screenshots. One browser profile per instance, so each person has their own cookies.
 */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;
    private final String console;
    private final Path screenshots;
    private final Path downloads;
    private final WebDriverWait wait;

    Browser(String console, Path screenshots) {
        ChromeOptions options = new ChromeOptions();
        // as root Chromium needs --no-sandbox; the rest keep it from calling out of this closed network
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN");
        try {
            this.downloads = Files.createTempDirectory("jixiao-downloads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        this.driver = new ChromeDriver(options);
        this.console = console;
        this.screenshots = screenshots;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Opens a console page, signing in at Keycloak's page first when asked to. */
    void open(String path) {
        driver.get(console + path);
    }

    /** Fills Keycloak's sign-in form (the one the console redirected to) and waits to be back on the console. */
    void signIn(String username, String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(console));
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(console + "/signed-out") || isSignInPage());
    }

    boolean isSignInPage() {
        return !driver.findElements(By.id("kc-login")).isEmpty();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a date field (typing into one depends on the browser's locale). */
    void date(String css, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", find(css), isoDate);
    }

    void click(String css) {
        find(css).click();
    }

    /** Waits for an element to be on the page (the page a form post answered with, say), then returns it. */
    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** Waits for the text to appear in the element; if it does not, fails with the page's text and a screenshot. */
    void waitForText(String css, String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        } catch (TimeoutException e) {
            Path shot = shot("failed-waiting-" + System.currentTimeMillis());
            throw new AssertionError("\"" + text + "\" did not appear in " + css + " at " + driver.getCurrentUrl() + " ("
                    + shot + "); the page reads:\n" + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /**
     * Clicks a download link and waits for the file to be saved; returns it, and whether the page showed a
     * progress bar while the file was being made.
     */
    Download download(String css) {
        script("""
                window.sawProgress = false;
                new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => {
                  if (n.tagName === 'PROGRESS') { window.sawProgress = true; }
                }))).observe(document.body, {childList: true, subtree: true});""");
        find(css).click();
        Path file = wait.until(d -> saved().orElse(null));
        return new Download(file, Boolean.TRUE.equals(script("return window.sawProgress;")));
    }

    record Download(Path file, boolean progressShown) {
    }

    /** A file saved whole in the download folder (Chromium writes {@code .crdownload} until it is). */
    private Optional<Path> saved() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the page as it looks now under the module's target/screenshots/. */
    Path shot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every visible form field on the page has a label a screen reader reads (a {@code <label for>} naming it),
     * and nothing is taken out of the keyboard's reach.
     */
    void assertFieldsLabelledAndReachable() {
        Object unlabelled = script("""
                return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                  .filter(f => !f.id || !document.querySelector('label[for="' + f.id + '"]'))
                  .map(f => f.name || f.outerHTML);""");
        assertEquals(List.of(), unlabelled, "fields without a label on " + driver.getCurrentUrl());
        Object unreachable = script("""
                return Array.from(document.querySelectorAll('a, button, input, select, textarea, summary'))
                  .filter(e => e.tabIndex < 0).map(e => e.outerHTML);""");
        assertEquals(List.of(), unreachable, "elements out of the keyboard's reach on " + driver.getCurrentUrl());
        assertTrue(driver.getTitle().contains("绩效"), driver.getTitle());
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
