using SirArena.Simulation.Scenarios;
using SirArena.Simulation.Tests.Support;

namespace SirArena.Simulation.Tests.Scenarios;

public class MalformedScenarioFileTests
{
    [Theory]
    [InlineData("""{ "kind": "biased", "probabilities": { "rock": 0.5, "paper": 0.3 """, "$*", "not valid JSON (line 1*")]
    [InlineData("""{ "kind": "biased", "probabilities": { "rock": 0.5, "paper": 0.3, "scissors": 0.1 } }""",
        "$.probabilities", "the probabilities must sum to 1, but they sum to 0.9*")]
    [InlineData("""{ "kind": "biassed" }""", "$.kind", "unknown kind \"biassed\"; expected one of: biased, uniform, switching, cyclic, beat-last, grocery.")]
    [InlineData("""{ "kind": "biased", "probabilities": { "rock": 0.5, "paper": 0.5 } }""",
        "$.probabilities", "missing required field 'scissors'.")]
    [InlineData("""{ "probabilities": {} }""", "$", "missing required field 'kind'.")]
    [InlineData("""{ "kind": "biased", "probabilites": {} }""", "$.probabilites", "unknown field; expected one of: kind, description, probabilities.")]
    [InlineData("""{ "kind": "biased", "probabilities": { "rock": "half", "paper": 0.5, "scissors": 0 } }""",
        "$.probabilities.rock", "expected a number, got the string \"half\".")]
    [InlineData("""{ "kind": "biased", "probabilities": { "rock": 1.5, "paper": -0.5, "scissors": 0 } }""",
        "$.probabilities.rock", "expected a number in [0, 1], got 1.5.")]
    [InlineData("""{ "kind": "switching", "period": 0 }""", "$.period", "expected a whole number in [1, *")]
    [InlineData("""{ "kind": "cyclic", "sequence": ["rock", "lizard"] }""", "$.sequence[1]", "expected a move (rock, paper or scissors), got \"lizard\".")]
    [InlineData("""[1, 2]""", "$", "expected an object, got an array.")]
    [InlineData("""{ "kind": "uniform", "kind": "cyclic" }""", "$.kind", "this field appears twice.")]
    public void A_bad_file_is_reported_with_its_name_the_json_path_and_what_was_expected(string json, string path, string problem)
    {
        using var folder = new TempScenarioFolder();
        var file = folder.Write("bad-player.json", json);
        folder.Write("good-player.json", """{ "kind": "uniform" }""");

        var act = () => ScenarioCatalog.Load(folder.Path);

        var error = act.Should().Throw<ScenarioFileException>().Which;
        error.FilePath.Should().Be(file);
        error.JsonPath.Should().Match(path);
        error.Problem.Should().Match(problem);
        error.Message.Should().StartWith(file + ": at ").And.Contain("bad-player.json");
    }

    [Fact]
    public void A_grocery_file_pointing_at_a_missing_items_list_says_which_path()
    {
        using var folder = new TempScenarioFolder();
        var file = folder.Write("shop.json", """{ "kind": "grocery", "items": "data/none.json", "questions": "data/q.json" }""");

        var error = FluentActions.Invoking(() => ScenarioCatalog.Load(folder.Path)).Should().Throw<ScenarioFileException>().Which;

        error.FilePath.Should().Be(file);
        error.JsonPath.Should().Be("$.items");
        error.Problem.Should().Contain("none.json").And.Contain("does not exist");
    }

    [Fact]
    public void A_question_bank_error_names_the_data_file()
    {
        using var folder = new TempScenarioFolder();
        folder.Write("shop.json", """{ "kind": "grocery", "items": "data/items.json", "questions": "data/q.json" }""");
        folder.Write("data/items.json", """{ "items": ["oats", "rice", "salt", "milk"] }""");
        var bank = folder.Write("data/q.json", """{ "categories": [ { "question": "Which is red?", "members": ["cherry"], "others": ["sky", "cherry", "grass"] } ] }""");

        var error = FluentActions.Invoking(() => ScenarioCatalog.Load(folder.Path)).Should().Throw<ScenarioFileException>().Which;

        error.FilePath.Should().Be(bank);
        error.JsonPath.Should().Be("$.categories[0].others");
        error.Problem.Should().Contain("'cherry' is both a member and an other");
    }
}
