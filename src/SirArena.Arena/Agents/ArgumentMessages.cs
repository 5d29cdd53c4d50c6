namespace SirArena.Arena.Agents;

/// <summary>Argument errors as a user reads them: without the framework's "(Parameter 'x')" and "Actual value was" tails.</summary>
public static class ArgumentMessages
{
    public static string Plain(this ArgumentException e) => e.Message.Split('\n')[0].Split(" (Parameter '")[0];
}
