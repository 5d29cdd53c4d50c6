namespace SirArena.Arena.Cluster;

/// <summary>
/// Which silo `serve --cluster` asks a match's activation to be placed on: the silo it is served on while that silo is
/// active and answers (the hint then changes nothing, since an existing activation stays where it is), else the active
/// silo with the fewest matches, the first of them in the order given on a tie. A choice counts at once, so matches
/// that start together are dealt out evenly, and the matches of a silo that is lost are spread over the silos left. A
/// silo that has stopped answering is passed over even while the cluster still counts it active: the cluster may
/// declare it dead between two readings of the active silos, and a hint naming a dead silo is ignored. A silo that
/// joins later (one started again after a kill) is evened out by <see cref="Rebalance"/>, one match at a time.
/// </summary>
public sealed class ServePlacement
{
    /// <summary>Readings of the active silos a silo must be in, one after another, before a match is moved to it: Orleans
    /// ignores a placement hint naming a silo it does not count yet, as with one that has only just joined.</summary>
    public const int SettledReadings = 3;

    readonly Dictionary<string, string> servedOn = new();
    readonly HashSet<string> silent = [];
    readonly Dictionary<string, int> readings = new();
    readonly Dictionary<string, string> moving = new();
    string[] active = [];

    /// <summary>The silos that host matches now, in a stable order.</summary>
    public void Active(IEnumerable<string> silos)
    {
        lock (servedOn)
        {
            active = silos.ToArray();
            silent.IntersectWith(active);
            foreach (var gone in readings.Keys.Except(active).ToArray()) readings.Remove(gone);
            foreach (var silo in active) readings[silo] = readings.GetValueOrDefault(silo) + 1;
        }
    }

    /// <summary>
    /// Names one match of <paramref name="running"/> to move when the spread is uneven: the most loaded silo that
    /// answers serves at least two more matches than the least loaded settled one (<see cref="SettledReadings"/>).
    /// The move is to be made by whoever watches that match (<see cref="TakeMove"/>), so only one is under way at a
    /// time; null when the spread is even or a move is under way.
    /// </summary>
    public (string Match, string From, string To)? Rebalance(IEnumerable<string> running)
    {
        lock (servedOn)
        {
            if (moving.Count > 0) return null;
            var answering = Answering();
            var settled = answering.Where(s => readings.GetValueOrDefault(s) >= SettledReadings).ToArray();
            if (settled.Length == 0) return null;
            var load = Load(answering);
            var to = settled.MinBy(s => load[s])!;
            var from = answering.MaxBy(s => load[s])!;
            if (load[from] - load[to] < 2) return null;
            var match = running.Where(m => servedOn.GetValueOrDefault(m) == from).Order(StringComparer.Ordinal).FirstOrDefault();
            if (match is null) return null;
            moving[match] = to;
            return (match, from, to);
        }
    }

    /// <summary>The silo <paramref name="match"/> is to move to, once: from then on it counts there and
    /// <see cref="SiloFor"/> names that silo, until a silo says where it serves the match again.</summary>
    public string? TakeMove(string match)
    {
        lock (servedOn)
        {
            if (!moving.Remove(match, out var to)) return null;
            servedOn[match] = to;
            return to;
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
            var candidates = Answering();
            if (servedOn.TryGetValue(match, out var silo) && candidates.Contains(silo)) return silo;
            if (candidates.Length == 0) return null;
            var load = Load(candidates);
            var least = candidates.MinBy(s => load[s])!;
            servedOn[match] = least;
            return least;
        }
    }

    /// <summary>The active silos that answer, in the active order.</summary>
    string[] Answering() => active.Where(s => !silent.Contains(s)).ToArray();

    /// <summary>How many matches each of <paramref name="silos"/> serves, as far as this placement knows.</summary>
    Dictionary<string, int> Load(string[] silos)
    {
        var load = silos.ToDictionary(s => s, _ => 0);
        foreach (var on in servedOn.Values)
            if (load.ContainsKey(on)) load[on]++;
        return load;
    }
}
