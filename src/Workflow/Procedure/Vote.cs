namespace ApprovalWorkflow.Procedure;

/// <summary>How a member voted, or how the chair gave a casting vote.</summary>
public enum VoteChoice
{
    /// <summary>For the motion.</summary>
    For,

    /// <summary>Against the motion.</summary>
    Against,

    /// <summary>Present but not voting. Never a valid casting vote.</summary>
    Abstain,
}

/// <summary>One member's vote in a recorded (named) vote.</summary>
/// <param name="MemberId">The <see cref="Member.Id"/> of a member of the body voting.</param>
/// <param name="Choice">How the member voted.</param>
public sealed record NamedVote(string MemberId, VoteChoice Choice);

/// <summary>
/// A vote a clerk records at a meeting: how many members were present, and how many voted for,
/// against and abstained; optionally the chair's casting vote and each member's vote by name.
/// </summary>
/// <remarks>
/// <para>A vote is a record of what the clerk wrote down and may be wrong; it is never refused when
/// made. <see cref="ProblemsFor"/> says, in the clerk's words, everything that stops it being
/// recorded for a body.</para>
/// <para>Abstentions count as present but not voting: <c>For + Against + Abstain &lt;= Present</c>.</para>
/// <para>Equality compares the counts, the casting vote and the named votes as a set (order does not
/// matter), so the same vote sent twice, even with its names listed in another order, is equal.</para>
/// </remarks>
/// <param name="Present">Members present at the vote.</param>
/// <param name="For">Votes for the motion.</param>
/// <param name="Against">Votes against the motion.</param>
/// <param name="Abstain">Members present who abstained.</param>
/// <param name="CastingVote">The chair's casting vote, given on a tie under a simple majority; For or Against.</param>
/// <param name="Named">Each member's vote when the vote is recorded by name; null when it is not.
/// The list is copied, so changing the list passed in changes nothing.</param>
public sealed record Vote(
    int Present, int For, int Against, int Abstain, VoteChoice? CastingVote = null, IReadOnlyList<NamedVote>? Named = null)
{
    /// <summary>Each member's vote when the vote is recorded by name; null when it is not.</summary>
    public IReadOnlyList<NamedVote>? Named { get; init => field = Copy(value); } = Copy(Named);

    /// <summary>
    /// A vote recorded by name, whose for, against and abstain counts are the number of names with
    /// each choice.
    /// </summary>
    /// <param name="present">Members present at the vote; may exceed the names (a member present
    /// who did not vote at all).</param>
    /// <param name="named">Each member's vote.</param>
    /// <param name="castingVote">The chair's casting vote, if given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="named"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="named"/> contains a null entry.</exception>
    public static Vote FromNames(int present, IReadOnlyList<NamedVote> named, VoteChoice? castingVote = null)
    {
        ArgumentNullException.ThrowIfNull(named);
        if (named.Any(vote => vote is null))
        {
            throw new ArgumentException("named votes must not contain null entries", nameof(named));
        }
        return new Vote(
            present,
            named.Count(vote => vote.Choice == VoteChoice.For),
            named.Count(vote => vote.Choice == VoteChoice.Against),
            named.Count(vote => vote.Choice == VoteChoice.Abstain),
            castingVote,
            named);
    }

    /// <summary>The members present and voting: <see cref="For"/> + <see cref="Against"/>. Abstentions do not count.</summary>
    public int PresentAndVoting => For + Against;

    /// <summary>True when the vote lists each member's vote by name.</summary>
    public bool IsNamed => Named is not null;

    /// <summary>
    /// Every reason this vote cannot be recorded for <paramref name="body"/>, in words a clerk
    /// understands; empty when it can. The checks: no count is negative; for, against and abstain
    /// together are not more than those present; the meeting was quorate (present is at least
    /// <c>body.Quorum.RequiredOf(body.Members.Count)</c>); names are given when
    /// <paramref name="namedVotesRequired"/>; when names are given, each is a member of the body,
    /// no member is named twice, each choice is for, against or abstain, and the counts equal the
    /// names' counts; a casting vote is for or against, never an abstention.
    /// </summary>
    /// <param name="body">The body that voted.</param>
    /// <param name="namedVotesRequired">True at a budget decision meeting, where every vote is recorded by name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    public IReadOnlyList<string> ProblemsFor(Body body, bool namedVotesRequired)
    {
        ArgumentNullException.ThrowIfNull(body);
        var problems = new List<string>();

        foreach (var (count, what) in new[] { (Present, "the number present"), (For, "the votes for"), (Against, "the votes against"), (Abstain, "the abstentions") })
        {
            if (count < 0) problems.Add($"{what} cannot be negative (recorded as {count})");
        }

        long voted = (long)For + Against + Abstain;
        if (voted > Present)
        {
            problems.Add($"{For} for, {Against} against and {Abstain} abstaining make {voted}, more than the {Present} members present");
        }

        int required = body.Quorum.RequiredOf(body.Members.Count);
        if (Present < required)
        {
            problems.Add(
                $"the meeting was not quorate: {Present} members present, but {body.Name} needs {required} of its " +
                $"{body.Members.Count} members ({body.Quorum}, rounded up)");
        }

        if (Named is null)
        {
            if (namedVotesRequired)
            {
                problems.Add($"{body.Name} must record this vote by name: list how each member present voted");
            }
        }
        else
        {
            problems.AddRange(NamedVoteProblems(body, Named));
        }

        if (CastingVote is { } casting && casting is not (VoteChoice.For or VoteChoice.Against))
        {
            problems.Add(casting == VoteChoice.Abstain
                ? "the chair's casting vote must be for or against, not an abstention"
                : "the chair's casting vote must be for or against");
        }

        return problems.AsReadOnly();
    }

    private IEnumerable<string> NamedVoteProblems(Body body, IReadOnlyList<NamedVote> named)
    {
        var members = body.Members.ToDictionary(member => member.Id, StringComparer.Ordinal);
        string Who(string id) => members.TryGetValue(id, out var member) ? $"{member.Name} ({id})" : $"'{id}'";

        foreach (var vote in named)
        {
            if (vote is null)
            {
                yield return "a named vote is empty: each entry needs a member and how they voted";
                continue;
            }
            if (string.IsNullOrWhiteSpace(vote.MemberId))
            {
                yield return "a named vote has no member: say who voted";
                continue;
            }
            if (!members.ContainsKey(vote.MemberId))
            {
                yield return $"'{vote.MemberId}' is not a member of {body.Name}";
            }
            if (vote.Choice is not (VoteChoice.For or VoteChoice.Against or VoteChoice.Abstain))
            {
                yield return $"the vote of {Who(vote.MemberId)} must be for, against or abstain";
            }
        }

        foreach (var twice in named.Where(vote => vote is not null && !string.IsNullOrWhiteSpace(vote.MemberId))
                     .GroupBy(vote => vote.MemberId, StringComparer.Ordinal)
                     .Where(group => group.Count() > 1))
        {
            yield return $"{Who(twice.Key)} is named {twice.Count()} times: each member votes once";
        }

        foreach (var (choice, recorded, what) in new[] { (VoteChoice.For, For, "for"), (VoteChoice.Against, Against, "against"), (VoteChoice.Abstain, Abstain, "abstaining") })
        {
            int byName = named.Count(vote => vote is not null && vote.Choice == choice);
            if (byName != recorded)
            {
                yield return $"the counts do not match the names: {recorded} recorded as {what} but {byName} named as {what}";
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(Vote? other) =>
        other is not null
        && Present == other.Present
        && For == other.For
        && Against == other.Against
        && Abstain == other.Abstain
        && CastingVote == other.CastingVote
        && SameNames(Named, other.Named);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Present, For, Against, Abstain, CastingVote, Named?.Count);

    private static bool SameNames(IReadOnlyList<NamedVote>? left, IReadOnlyList<NamedVote>? right)
    {
        if (left is null || right is null) return left is null && right is null;
        if (left.Count != right.Count) return false;
        return InOrder(left).SequenceEqual(InOrder(right));

        static IEnumerable<NamedVote> InOrder(IEnumerable<NamedVote> votes) =>
            votes.OrderBy(vote => vote?.MemberId, StringComparer.Ordinal).ThenBy(vote => vote?.Choice);
    }

    private static IReadOnlyList<NamedVote>? Copy(IReadOnlyList<NamedVote>? named) =>
        named is null ? null : Array.AsReadOnly(named.ToArray());
}
