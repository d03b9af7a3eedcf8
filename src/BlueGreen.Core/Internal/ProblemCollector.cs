using BlueGreen.Core.Errors;

namespace BlueGreen.Core.Internal;

/// <summary>Collects problems so validation reports every one at once instead of the first.</summary>
internal sealed class ProblemCollector
{
    private readonly List<Problem> _problems = [];

    public IReadOnlyList<Problem> Problems => _problems;

    public bool Any => _problems.Count > 0;

    public void Add(string path, string message, string fix) => _problems.Add(new Problem(path, message, fix));

    public void AddRange(IEnumerable<Problem> problems) => _problems.AddRange(problems);

    public void ThrowIfAny(string subject = InvalidRequest.DefaultSubject)
    {
        if (Any)
        {
            throw new InvalidRequest(_problems.ToArray(), subject);
        }
    }
}
