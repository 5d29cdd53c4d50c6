namespace SirArena.Arena.Reports;

/// <summary>An agent as the report's setup table shows it; strings, so baselines can say "-" where a setting
/// does not apply.</summary>
public sealed record AgentDescription(string Name, string Policy, string Budget, string Eta);
