using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApprovalWorkflow.Procedure;

/// <summary>What a vote decided.</summary>
public enum VoteResult
{
    /// <summary>The motion passed.</summary>
    Carried,

    /// <summary>The motion failed.</summary>
    Lost,

    /// <summary>Equal votes for and against under a simple majority, and no valid casting vote yet: the chair must give one.</summary>
    TiedNeedsCastingVote,
}

/// <summary>What a vote decided and why, in words for the record, e.g. "carried: 40 for, 20 against; two thirds of the 60 present and voting is 40".</summary>
public sealed record VoteOutcome(VoteResult Result, string Explanation);

/// <summary>
/// The majority a motion needs: <see cref="SimpleMajority"/> or
/// <see cref="TwoThirdsOfPresentAndVoting"/>. A closed set; each threshold has a
/// <see cref="Name"/> that <see cref="FromName"/> reads back, and JSON carries it as that name
/// (e.g. <c>"TwoThirdsOfPresentAndVoting"</c>).
/// </summary>
[JsonConverter(typeof(VotingThresholdJsonConverter))]
public abstract record VotingThreshold
{
    private VotingThreshold()
    {
    }

    /// <summary>
    /// More for than against (<c>For &gt; Against</c>); abstentions do not count. On a tie (0 for and
    /// 0 against included) the chair's casting vote decides, and must then be given: without it the
    /// result is <see cref="VoteResult.TiedNeedsCastingVote"/>.
    /// </summary>
    public static VotingThreshold SimpleMajority { get; } = new SimpleMajorityThreshold();

    /// <summary>
    /// At least two thirds of the members present and voting: <c>3 * For &gt;= 2 * (For + Against)</c>;
    /// abstentions do not count. No casting vote applies (one given is ignored), so there is never a
    /// tie to break. With nobody voting for or against (0 for, 0 against) the motion is lost.
    /// Used when Council insists on an objection the Executive did not accept, in an authority with
    /// a directly elected mayor.
    /// </summary>
    public static VotingThreshold TwoThirdsOfPresentAndVoting { get; } = new TwoThirdsThreshold();

    /// <summary>The thresholds there are, in the order of the names <see cref="FromName"/> accepts.</summary>
    public static IReadOnlyList<VotingThreshold> All { get; } = [SimpleMajority, TwoThirdsOfPresentAndVoting];

    /// <summary>The threshold's name: "SimpleMajority" or "TwoThirdsOfPresentAndVoting".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The threshold with this <see cref="Name"/>, matched exactly (ordinal, case-sensitive).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not "SimpleMajority" or "TwoThirdsOfPresentAndVoting".</exception>
    public static VotingThreshold FromName(string name) =>
        All.FirstOrDefault(threshold => threshold.Name == name)
        ?? throw new ArgumentException(
            $"name must be one of {string.Join(", ", All.Select(threshold => $"\"{threshold.Name}\""))}, not \"{name}\"",
            nameof(name));

    /// <summary>
    /// Whether <paramref name="vote"/> carried the motion under this threshold, with the reason in
    /// words. Only the counts and the casting vote are read: check the vote with
    /// <see cref="Vote.ProblemsFor"/> first.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="vote"/> is null.</exception>
    /// <exception cref="ArgumentException">The vote has negative for or against counts.</exception>
    public abstract VoteOutcome Decide(Vote vote);

    /// <inheritdoc />
    public sealed override string ToString() => Name;

    private static void RequireCountable(Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if (vote.For < 0 || vote.Against < 0 || vote.Abstain < 0)
        {
            throw new ArgumentException(
                $"vote counts must not be negative ({vote.For} for, {vote.Against} against, {vote.Abstain} abstaining)", nameof(vote));
        }
    }

    private static string Counts(Vote vote) =>
        vote.Abstain > 0
            ? $"{vote.For} for, {vote.Against} against, {vote.Abstain} abstaining (not counted)"
            : $"{vote.For} for, {vote.Against} against";

    private sealed record SimpleMajorityThreshold : VotingThreshold
    {
        public override string Name => nameof(SimpleMajority);

        public override VoteOutcome Decide(Vote vote)
        {
            RequireCountable(vote);
            if (vote.For > vote.Against)
            {
                return new(VoteResult.Carried, $"carried: {Counts(vote)}; a simple majority");
            }
            if (vote.For < vote.Against)
            {
                return new(VoteResult.Lost, $"lost: {Counts(vote)}; a simple majority needs more for than against");
            }
            return vote.CastingVote switch
            {
                VoteChoice.For => new(VoteResult.Carried, $"carried on the chair's casting vote for: {Counts(vote)}"),
                VoteChoice.Against => new(VoteResult.Lost, $"lost on the chair's casting vote against: {Counts(vote)}"),
                null => new(VoteResult.TiedNeedsCastingVote, $"tied: {Counts(vote)}; the chair must give a casting vote, for or against"),
                _ => new(VoteResult.TiedNeedsCastingVote, $"tied: {Counts(vote)}; the chair's casting vote must be for or against, not an abstention"),
            };
        }
    }

    private sealed record TwoThirdsThreshold : VotingThreshold
    {
        public override string Name => nameof(TwoThirdsOfPresentAndVoting);

        public override VoteOutcome Decide(Vote vote)
        {
            RequireCountable(vote);
            long voting = (long)vote.For + vote.Against;
            string casting = vote.CastingVote is null ? "" : "; a casting vote does not apply to a two-thirds majority";
            if (voting == 0)
            {
                return new(VoteResult.Lost, $"lost: {Counts(vote)}; nobody voted for or against, so there is no two-thirds majority{casting}");
            }
            long required = (2 * voting + 2) / 3; // two thirds, rounded up
            string twoThirds = 2 * voting % 3 == 0
                ? $"two thirds of the {voting} present and voting is {required}"
                : $"two thirds of the {voting} present and voting is more than {required - 1}, so {required} {(required == 1 ? "is" : "are")} needed";
            return 3L * vote.For >= 2 * voting
                ? new(VoteResult.Carried, $"carried: {Counts(vote)}; {twoThirds}{casting}")
                : new(VoteResult.Lost, $"lost: {Counts(vote)}; {twoThirds}{casting}");
        }
    }
}

/// <summary>Writes a <see cref="VotingThreshold"/> as its <see cref="VotingThreshold.Name"/> and reads it back.</summary>
public sealed class VotingThresholdJsonConverter : JsonConverter<VotingThreshold>
{
    /// <inheritdoc />
    public override VotingThreshold Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"a voting threshold is written as its name, a string, not {reader.TokenType}");
        }
        try
        {
            return VotingThreshold.FromName(reader.GetString()!);
        }
        catch (ArgumentException error)
        {
            throw new JsonException(error.Message, error);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, VotingThreshold value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name);
}
