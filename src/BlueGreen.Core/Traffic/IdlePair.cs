namespace BlueGreen.Core.Traffic;

/// <summary>
/// The two members of a weighted pair (target groups, or Route 53 set identifiers) told apart by
/// their weights: the one carrying traffic is blue's (<see cref="Live"/>), the one at weight 0 is
/// <see cref="Idle"/> and receives the next green (ping-pong).
/// </summary>
public sealed record IdlePair(string Live, string Idle)
{
    /// <summary>Chooses from the members' current weights (a member missing from
    /// <paramref name="weights"/> weighs 0). Anything but exactly one member above 0 and one at 0
    /// has no answer: <paramref name="problem"/> says what is wrong.</summary>
    public static IdlePair? Choose(IReadOnlyList<string> members, IReadOnlyDictionary<string, long> weights, out string? problem)
    {
        if (members.Count != 2 || members[0] == members[1])
        {
            problem = $"a weighted pair needs exactly two different members, not {members.Count}";
            return null;
        }

        var live = members.Where(m => weights.GetValueOrDefault(m) > 0).ToList();
        var idle = members.Where(m => weights.GetValueOrDefault(m) <= 0).ToList();
        if (live.Count == 1 && idle.Count == 1)
        {
            problem = null;
            return new IdlePair(live[0], idle[0]);
        }

        var described = string.Join(" and ", members.Select(m => $"{m} has weight {weights.GetValueOrDefault(m)}"));
        problem = live.Count == 2
            ? $"both carry traffic ({described}), so neither is idle for green; a previous shift may have stopped half way"
            : $"neither carries traffic ({described}), so there is no live one for blue";
        return null;
    }
}
