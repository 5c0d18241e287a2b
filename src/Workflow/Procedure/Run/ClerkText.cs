using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ApprovalWorkflow.Procedure;

/// <summary>How dates, votes and lists are written in the sentences a clerk reads.</summary>
internal static class ClerkText
{
    private static readonly LocalDatePattern InWords = LocalDatePattern.Create("d MMMM uuuu", CultureInfo.InvariantCulture);

    /// <summary>"25 June 2012".</summary>
    public static string Date(LocalDate date) => InWords.Format(date);

    /// <summary>"39 for, 21 against, 2 abstaining (62 present)".</summary>
    public static string Counts(Vote vote) =>
        $"{vote.For} for, {vote.Against} against, {vote.Abstain} abstaining ({vote.Present} present)" +
        (vote.CastingVote is VoteChoice casting ? $", casting vote {casting.ToString().ToLowerInvariant()}" : "");

    /// <summary>"1", "1 and 2", "1, 2 and 3".</summary>
    public static string Numbers(IEnumerable<int> numbers) => List(numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count switch
        {
            0 => "",
            1 => all[0],
            _ => string.Join(", ", all.Take(all.Count - 1)) + " and " + all[^1],
        };
    }

    /// <summary>Joins problem sentences into one reason.</summary>
    public static string Sentences(IEnumerable<string> sentences) =>
        string.Join(" ", sentences.Select(s => s.Trim()).Select(s => s.EndsWith('.') ? s : s + "."));

    /// <summary>The first letter in lower case, to continue a sentence.</summary>
    public static string LowerFirst(string text) =>
        string.IsNullOrEmpty(text) ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
