using SirArena.Simulation.Games.Grocery;

namespace SirArena.Simulation.Scenarios;

/// <summary>
/// Reads a grocery scenario: "questionsBetween" (a number, or {"min", "max"}), and the paths, relative to the
/// scenario file, of the items list and the question bank (kept under scenarios/data/ so several grocery scenarios
/// can share them and the catalog does not mistake them for scenarios).
/// </summary>
internal static class GroceryFileReader
{
    public const string Kind = "grocery";

    public static GroceryScenarioDefinition Read(ScenarioJson root, string name, string? description)
    {
        root.ObjectWithKeys("kind", "description", "questionsBetween", "items", "questions");
        var options = root.Optional("questionsBetween") is { } k ? QuestionsBetween(k) : new GroceryOptions();
        var items = DataFile(root.Required("items")).ObjectWithKeys("items").Required("items").Strings(4);
        var bank = QuestionBankReader.Read(DataFile(root.Required("questions")));
        return new GroceryScenarioDefinition(name, root.File, description, options, items, bank);
    }

    private static GroceryOptions QuestionsBetween(ScenarioJson json)
    {
        if (json.Element.ValueKind == System.Text.Json.JsonValueKind.Number)
        {
            var k = json.Integer(0, 100_000);
            return new GroceryOptions(k, k);
        }
        json.ObjectWithKeys("min", "max");
        var min = json.Required("min").Integer(0, 100_000);
        var max = json.Required("max").Integer(min, 100_000);
        return new GroceryOptions(min, max);
    }

    private static ScenarioJson DataFile(ScenarioJson reference)
    {
        var relative = reference.String();
        var path = Path.Combine(Path.GetDirectoryName(reference.File) ?? ".", relative);
        if (!File.Exists(path)) throw reference.Error($"the file '{path}' does not exist (paths are relative to the scenario file).");
        return ScenarioJson.Load(path);
    }
}
