using SirArena.Llm.Memory;

namespace SirArena.Llm.Tests.Memory;

/// <summary>
/// Every policy configuration the shared invariants run over. A new policy or shape adds a row here, not a file.
/// </summary>
public static class PolicyMatrix
{
    /// <param name="Make">A fresh policy.</param>
    /// <param name="Sinks">Leading slots that must survive every eviction.</param>
    /// <param name="Evicts">False for Full, which refuses rather than evicts.</param>
    internal sealed record Row(Func<IMemoryPolicy> Make, int Sinks, bool Evicts);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["full L=4096"] = new(() => new FullMemory(4096), Sinks: 0, Evicts: false),
        ["streaming 4+28"] = new(() => new StreamingMemory(4, 28), Sinks: 4, Evicts: true),
        ["streaming 0+16"] = new(() => new StreamingMemory(0, 16), Sinks: 0, Evicts: true),
        ["streaming 1+7"] = new(() => new StreamingMemory(1, 7), Sinks: 1, Evicts: true),
        ["sir 4+20+8 eta 0.9"] = new(() => new SirMemory(4, 20, 8, 0.9f), Sinks: 4, Evicts: true),
        ["sir 2+4+2 eta 1"] = new(() => new SirMemory(2, 4, 2, 1f), Sinks: 2, Evicts: true),
        ["sir 4+28+0 eta 0.7"] = new(() => new SirMemory(4, 28, 0, 0.7f), Sinks: 4, Evicts: true),
        ["sir 0+10+0 eta 0.9"] = new(() => new SirMemory(0, 10, 0, 0.9f), Sinks: 0, Evicts: true),
        ["sir 4+1+3 eta 0.5"] = new(() => new SirMemory(4, 1, 3, 0.5f), Sinks: 4, Evicts: true),
        ["sir-adaptive 4+20+8 eta 0.95"] = new(() => new AdaptiveSirMemory(4, 20, 8, 0.95f), Sinks: 4, Evicts: true),
        ["sir-adaptive 0+10+0 eta 0.9"] = new(() => new AdaptiveSirMemory(0, 10, 0, 0.9f, 0.5f), Sinks: 0, Evicts: true),
        ["factory sir-adaptive"] = new(() => MemoryPolicies.Create(new("sir-adaptive", Eta: 0.95f)), Sinks: 4, Evicts: true),
        ["factory default sir"] = new(() => MemoryPolicies.Create(new()), Sinks: 4, Evicts: true),
        ["factory default streaming"] = new(() => MemoryPolicies.Create(new("streaming")), Sinks: 4, Evicts: true),
        ["h2o 4+14+14"] = new(() => new HeavyHitterMemory(new MemoryBudget(4, 14, 14)), Sinks: 4, Evicts: true),
        ["tova 4+28+0"] = new(() => new NewestQueryMemory(new MemoryBudget(4, 28, 0)), Sinks: 4, Evicts: true),
        ["knorm 0+12+4"] = new(() => new KeyNormMemory(new MemoryBudget(0, 12, 4)), Sinks: 0, Evicts: true),
        ["factory h2o"] = new(() => MemoryPolicies.Create(new("h2o", Budget: 40)), Sinks: 4, Evicts: true),
        ["factory tova"] = new(() => MemoryPolicies.Create(new("tova", Budget: 40)), Sinks: 4, Evicts: true),
        ["factory knorm"] = new(() => MemoryPolicies.Create(new("knorm", Budget: 40)), Sinks: 4, Evicts: true),
    };

    public static TheoryData<string> All => new(Rows.Keys);

    public static TheoryData<string> Evicting => new(Rows.Where(r => r.Value.Evicts).Select(r => r.Key));

    internal static Row Get(string name) => Rows[name];
}
