namespace SirArena.Arena.Cluster;

/// <summary>
/// Which silo `serve --cluster` asks a match's activation to be placed on: the silo it is served on while that silo is
/// active and answers (the hint then changes nothing, since an existing activation stays where it is), else the active
/// silo with the fewest matches, the first of them in the order given on a tie. A choice counts at once, so matches
/// that start together are dealt out evenly, and the matches of a silo that is lost are spread over the silos left. A
/// silo that has stopped answering is passed over even while the cluster still counts it active: the cluster may
/// declare it dead between two readings of the active silos, and a hint naming a dead silo is ignored. A silo that
/// joins later gets the matches of the next silo lost; matches already served do not move to it.
/// </summary>
public sealed class ServePlacement
{
    readonly Dictionary<string, string> servedOn = new();
    readonly HashSet<string> silent = [];
    string[] active = [];

    /// <summary>The silos that host matches now, in a stable order.</summary>
    public void Active(IEnumerable<string> silos)
    {
        lock (servedOn)
        {
            active = silos.ToArray();
            silent.IntersectWith(active);
        }
    }

    /// <summary>Where <paramref name="match"/> is served, as its silo said.</summary>
    public void Served(string match, string silo)
    {
        lock (servedOn)
        {
            servedOn[match] = silo;
            silent.Remove(silo);
        }
    }

    /// <summary>A call to <paramref name="silo"/> went unanswered: no match is placed there until it answers again.</summary>
    public void Silent(string silo)
    {
        lock (servedOn) silent.Add(silo);
    }

    /// <summary>The silo to place <paramref name="match"/> on if it has no activation; null while no silo is active.</summary>
    public string? SiloFor(string match)
    {
        lock (servedOn)
        {
            var candidates = active.Where(s => !silent.Contains(s)).ToArray();
            if (servedOn.TryGetValue(match, out var silo) && candidates.Contains(silo)) return silo;
            if (candidates.Length == 0) return null;
            var load = candidates.ToDictionary(s => s, _ => 0);
            foreach (var on in servedOn.Values)
                if (load.ContainsKey(on)) load[on]++;
            var least = candidates.MinBy(s => load[s])!;
            servedOn[match] = least;
            return least;
        }
    }
}
