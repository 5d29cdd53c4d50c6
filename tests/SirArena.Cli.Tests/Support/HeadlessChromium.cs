using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace SirArena.Cli.Tests.Support;

/// <summary>
/// Debian's chromium, headless, driven through chromium-driver: both found on the PATH, never downloaded. A machine
/// without them fails the browser tests with a message saying what to install, rather than skipping them.
/// </summary>
public static class HeadlessChromium
{
    public static ChromeDriver Start()
    {
        var browser = OnPath("chromium");
        var driver = OnPath("chromedriver");
        if (browser is null || driver is null)
            throw new InvalidOperationException(
                "the inspector's browser tests need Debian's chromium and chromium-driver on the PATH (apt-get install -y chromium chromium-driver; .ci/run installs them), and "
                + (browser is null ? "chromium" : "chromedriver") + " is not there");
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1500,1100");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        try
        {
            return new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        }
        catch (WebDriverException e)
        {
            throw new InvalidOperationException($"headless chromium ({browser}) did not start under {driver}: {e.Message}", e);
        }
    }

    static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
