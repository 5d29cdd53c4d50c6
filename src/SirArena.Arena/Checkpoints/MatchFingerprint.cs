using System.Security.Cryptography;
using System.Text;
using SirArena.Simulation.Randomness;
using SirArena.Simulation.Scenarios;

namespace SirArena.Arena.Checkpoints;

/// <summary>
/// What a scenario was built from, as a hash, so that a checkpoint taken under one scenario file is refused after the
/// file changed: the scenario file's bytes, and for the grocery task its items and a sample of its question bank
/// (those come from shared data files).
/// </summary>
public static class MatchFingerprint
{
    const int SampledQuestions = 256;

    public static string Scenario(ScenarioDefinition definition)
    {
        var text = new StringBuilder();
        text.Append(File.ReadAllText(definition.SourceFile)).Append('\n');
        if (definition is GroceryScenarioDefinition grocery)
        {
            text.AppendJoin('\n', grocery.Items).Append('\n');
            var random = new StableRandom(0);
            for (int i = 0; i < SampledQuestions; i++)
            {
                var question = grocery.Questions.Draw(random);
                text.Append(question.Question).Append('|').AppendJoin('|', question.Options).Append('|').Append(question.CorrectIndex).Append('\n');
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
