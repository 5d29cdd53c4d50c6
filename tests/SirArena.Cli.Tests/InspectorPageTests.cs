using System.Text.Json;
using OpenQA.Selenium;
using SirArena.Arena.Replays;
using SirArena.Cli.Tests.Support;
using SirArena.Llm.Tests.Support;

namespace SirArena.Cli.Tests;

/// <summary>
/// The HTML inspector (<c>replay FILE --html</c>) opened in a real headless chromium: what the page shows as held must
/// be exactly what <see cref="RetainedSet"/> rebuilds, round by round.
/// </summary>
public class InspectorPageTests(GroceryReplays replays) : IClassFixture<GroceryReplays>
{
    [Fact]
    public async Task The_page_shows_exactly_the_rebuilt_memory_of_a_round_and_moving_the_slider_shows_another_rounds()
    {
        var page = Path.Combine(replays.Arena.Path, "sir.html");
        var (code, output, error) = await CliRun.Invoke("replay", replays.Sir, "--html", page, "--rounds", "10-39", "--round", "30");
        code.Should().Be(0, error);
        output.Should().Contain("sir.html").And.Contain("rounds 10 to 39");

        using var browser = HeadlessChromium.Start();
        browser.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        ShownRound(browser).Should().Be(30);
        ShouldShow(browser, replays.Sir, 30);

        // The page starts at round 10 from the memory held after round 9; Home then two right arrows reach round 12.
        var slider = browser.FindElement(By.Id("slider"));
        slider.SendKeys(Keys.Home);
        slider.SendKeys(Keys.ArrowRight + Keys.ArrowRight);
        ShownRound(browser).Should().Be(12);
        ShouldShow(browser, replays.Sir, 12);
        Held(browser, 0).Select(t => t.Stream).Should().NotEqual(ReplayRoundView.Read(replays.Sir, 30).Retained.Select(t => t.StreamIndex),
            "a budget of 200 has evicted between round 12 and round 30");
    }

    [Fact]
    public async Task An_attention_policys_page_shows_each_rounds_held_scores_which_change_every_round()
    {
        var folder = Path.Combine(replays.Arena.Output, "h2o");
        var (code, _, error) = await CliRun.Invoke("play", "--opponent", "grocery", "--rounds", "40", "--budget", "200",
            "--policy", "h2o", "--seed", "5", "--out", folder, "--config", replays.Arena.Config);
        code.Should().Be(0, error);
        var replay = Directory.GetFiles(folder, "*.jsonl").Single();
        var page = Path.Combine(replays.Arena.Path, "h2o.html");
        (code, _, error) = await CliRun.Invoke("replay", replay, "--html", page, "--rounds", "10-39", "--round", "30");
        code.Should().Be(0, error);

        using var browser = HeadlessChromium.Start();
        browser.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        ShouldShow(browser, replay, 30);
        var slider = browser.FindElement(By.Id("slider"));
        slider.SendKeys(Keys.Home);
        slider.SendKeys(Keys.ArrowRight + Keys.ArrowRight);
        ShouldShow(browser, replay, 12);
        ReplayRoundView.Read(replay, 12).Retained[0].Score.Should().BeLessThan(ReplayRoundView.Read(replay, 30).Retained[0].Score,
            "the first sink gains attention every round, so the page must take each round's scores");
    }

    [Fact]
    public async Task Compared_side_by_side_the_tokens_marked_held_only_here_are_the_difference_of_the_two_memories()
    {
        var page = Path.Combine(replays.Arena.Path, "sir-vs-streaming.html");
        const long round = 35;
        var (code, _, error) = await CliRun.Invoke("replay", replays.Sir, "--html", page, "--compare", replays.Streaming, "--rounds", "20-39", "--round", $"{round}");
        code.Should().Be(0, error);

        using var browser = HeadlessChromium.Start();
        browser.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        var sir = ReplayRoundView.Read(replays.Sir, round).Retained;
        var streaming = ReplayRoundView.Read(replays.Streaming, round).Retained;
        var sirOnly = OnlyIn(sir, replays.Sir, streaming, replays.Streaming);
        sirOnly.Should().NotBeEmpty("SirLLM keeps surprising tokens StreamingLLM's window has dropped");
        Marked(browser, 0).Should().Equal(sirOnly);
        Marked(browser, 1).Should().Equal(OnlyIn(streaming, replays.Streaming, sir, replays.Sir));
        Held(browser, 1).Select(t => t.Stream).Should().Equal(streaming.Select(t => t.StreamIndex));

        // Not a SIRARENA_ variable: the CLI reads every one of those as configuration and refuses unknown keys.
        if (Environment.GetEnvironmentVariable("INSPECTOR_SCREENSHOT") is { Length: > 0 })
            ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(RepositoryFolder.Locate(), "docs", "inspector.png"));
    }

    [Fact]
    public async Task A_grocery_requests_item_tokens_are_marked_while_they_wait_for_the_recall()
    {
        var (request, item, prompt) = ReplayChain.Open(replays.Sir).ReadRounds()
            .Where(r => r.Result is Simulation.Games.Grocery.GroceryRoundResult { Kind: Simulation.Games.Grocery.GroceryTurnKind.Request })
            .Select(r => (r.Round, ((Simulation.Games.Grocery.GroceryRoundResult)r.Result).Item, r.Trace!.Prompt))
            .First(r => r.Round >= 5);
        long round = request + 2;
        var page = Path.Combine(replays.Arena.Path, "request.html");
        var (code, _, error) = await CliRun.Invoke("replay", replays.Sir, "--html", page, "--round", $"{round}");
        code.Should().Be(0, error);

        using var browser = HeadlessChromium.Start();
        browser.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        var itemTokens = RequestMemory.ItemTokens(prompt, item, replays.Sir, request);
        var held = ReplayRoundView.Read(replays.Sir, round).Retained.Select(t => t.StreamIndex).Where(itemTokens.Contains).ToArray();
        held.Should().NotBeEmpty("two rounds after the request a budget of 200 still holds some of the item");
        Longs(browser, "#side0 .held.request", "stream").Should().Equal(held, "round {0} follows the item \"{1}\" requested in round {2}", round, item, request);
        Script(browser, "return document.querySelector('#side0 .summary').textContent")
            .Should().Contain($"the request's item: {held.Length} of {itemTokens.Length} tokens still held");
    }

    [Fact]
    public async Task The_page_is_refused_with_verify_or_json_and_a_comparison_of_another_seed_is_refused_naming_both_files()
    {
        var (code, _, error) = await CliRun.Invoke("replay", replays.Sir, "--html", "--verify");
        code.Should().Be(2);
        error.Should().Contain("--html").And.Contain("--verify");
        (code, _, error) = await CliRun.Invoke("replay", replays.Sir, "--html", "--round", "3", "--json");
        code.Should().Be(2);
        error.Should().Contain("--html").And.Contain("--json");
        (code, _, error) = await CliRun.Invoke("replay", replays.Sir, "--html", "--rounds", "30-10");
        code.Should().Be(2);
        error.Should().Contain("--rounds").And.Contain("FROM-TO");

        var otherSeed = Path.Combine(replays.Arena.Path, "other-seed.jsonl");
        var lines = File.ReadAllLines(replays.Streaming);
        lines[0].Should().Contain("\"seed\":5");
        lines[0] = lines[0].Replace("\"seed\":5", "\"seed\":6");
        File.WriteAllLines(otherSeed, lines);
        (code, _, error) = await CliRun.Invoke("replay", replays.Sir, "--html", "--compare", otherSeed);
        code.Should().Be(2);
        error.Should().Contain(replays.Sir).And.Contain(otherSeed).And.Contain("seed 5").And.Contain("seed 6");
        File.Exists(Path.ChangeExtension(replays.Sir, ".html")).Should().BeFalse("a refused page is not written");
    }

    [Fact]
    public async Task The_inspector_benchmark_measures_the_page_of_the_rounds_asked_for_and_checks_each_slider_move_shows_its_round()
    {
        var (code, output, error) = await CliRun.Invoke("bench", "inspector", replays.Sir, "--rounds", "10-39", "--repeats", "2");

        code.Should().Be(0, error);
        output.Should().Contain("rounds 10 to 39 (30 rounds)").And.Contain("median of 2 repeats");
        output.Should().MatchRegex(@"\| 2 \| \d+ \| \d+\.\d \| \d+ \| \d+\.\d \| \d+ \|");
        output.Should().MatchRegex(@"\| median \| \d+ \|");

        (code, _, error) = await CliRun.Invoke("bench", "inspector", replays.Sir, "--rounds", "30-10");
        code.Should().Be(2);
        error.Should().Contain("--rounds");
    }

    static void ShouldShow(IWebDriver browser, string replay, long round)
    {
        var view = ReplayRoundView.Read(replay, round);
        var held = Held(browser, 0);
        held.Select(t => t.Stream).Should().Equal(view.Retained.Select(t => t.StreamIndex), "round {0} shows exactly the rebuilt memory", round);
        for (int i = 0; i < held.Length; i++)
            held[i].Score.Should().BeApproximately(view.Retained[i].Score, 1e-4f, "stream index {0} at round {1}", held[i].Stream, round);
        Longs(browser, "#side0 .gone", "evicted").Should().BeEquivalentTo(view.Evicted.Select(t => t.StreamIndex));
    }

    /// <summary>
    /// Stream indices of <paramref name="these"/> whose place (the round the token entered, its offset in that round's
    /// tokens, its text) no token of <paramref name="others"/> has.
    /// </summary>
    static long[] OnlyIn(IReadOnlyList<RememberedToken> these, string theseReplay, IReadOnlyList<RememberedToken> others, string othersReplay)
    {
        var there = Places(others, othersReplay).ToHashSet();
        return these.Zip(Places(these, theseReplay)).Where(p => !there.Contains(p.Second)).Select(p => p.First.StreamIndex).ToArray();
    }

    static IEnumerable<(long Round, long Offset, string Text)> Places(IReadOnlyList<RememberedToken> tokens, string replay)
    {
        var starts = ReplayChain.Open(replay).ReadRounds().Select(r => r.Trace!.Prompt.FirstStreamIndex).ToList();
        foreach (var token in tokens)
        {
            int round = starts.FindLastIndex(start => start <= token.StreamIndex);
            yield return (round, token.StreamIndex - starts[round], token.Text);
        }
    }

    static long ShownRound(IWebDriver browser) => long.Parse(Script(browser, "return document.body.dataset.round"));

    static string Script(IWebDriver browser, string script) =>
        ((IJavaScriptExecutor)browser).ExecuteScript(script) as string ?? throw new InvalidOperationException($"the page returned no text for: {script}");

    static (long Stream, float Score)[] Held(IWebDriver browser, int side)
    {
        var json = Script(browser, $"return JSON.stringify([...document.querySelectorAll('#side{side} .held')].map(e => [e.dataset.stream, e.dataset.score]))");
        return JsonSerializer.Deserialize<string[][]>(json)!
            .Select(pair => (long.Parse(pair[0]), float.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
    }

    static long[] Marked(IWebDriver browser, int side) => Longs(browser, $"#side{side} .held.only", "stream");

    static long[] Longs(IWebDriver browser, string selector, string attribute)
    {
        var json = Script(browser, $"return JSON.stringify([...document.querySelectorAll('{selector}')].map(e => e.dataset.{attribute}))");
        return JsonSerializer.Deserialize<string[]>(json)!.Select(long.Parse).ToArray();
    }
}
