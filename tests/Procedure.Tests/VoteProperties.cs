using ApprovalWorkflow.Procedure;
using CsCheck;

namespace ApprovalWorkflow.Procedure.Tests;

/// <summary>Properties of named votes and voting thresholds over random votes.</summary>
public sealed class VoteProperties
{
    private const int Iterations = 2_000;
    private const int Threads = 1; // the build machine's cores are shared

    private static readonly Body Council = Bodies.FullCouncil(45);

    /// <summary>Distinct members of <see cref="Council"/> each with a random choice, and how many others were present.</summary>
    private static readonly Gen<(NamedVote[] Names, int OthersPresent)> NamedVotes =
        Gen.Select(
            Gen.Int[1, 45].ArrayUnique[0, 45],
            Gen.Enum<VoteChoice>().Array[45],
            Gen.Int[0, 5])
        .Select((members, choices, others) =>
            (members.Select((member, i) => new NamedVote(Bodies.Councillor(member).Id, choices[i])).ToArray(), others));

    [Fact]
    public void Named_votes_counts_always_match_the_names()
    {
        NamedVotes.Sample((names, othersPresent) =>
        {
            int present = Math.Min(45, names.Length + othersPresent);
            var vote = Vote.FromNames(present, names);

            Assert.Equal(names.Count(n => n.Choice == VoteChoice.For), vote.For);
            Assert.Equal(names.Count(n => n.Choice == VoteChoice.Against), vote.Against);
            Assert.Equal(names.Count(n => n.Choice == VoteChoice.Abstain), vote.Abstain);
            Assert.Equal(names.Length, vote.For + vote.Against + vote.Abstain);
            Assert.True(vote.IsNamed);

            var problems = vote.ProblemsFor(Council, namedVotesRequired: true);
            bool quorate = present >= Quorum.OneQuarter.RequiredOf(45);
            Assert.Equal(quorate ? 0 : 1, problems.Count);
        }, iter: Iterations, threads: Threads);
    }

    [Fact]
    public void Named_votes_in_any_order_are_the_same_vote()
    {
        NamedVotes.Select(Gen.Int).Sample((named, seed) =>
        {
            var shuffled = named.Names.ToArray();
            new Random(seed).Shuffle(shuffled);

            Assert.Equal(Vote.FromNames(45, named.Names), Vote.FromNames(45, shuffled));
        }, iter: Iterations, threads: Threads);
    }

    [Fact]
    public void The_two_thirds_outcome_agrees_with_the_integer_formula()
    {
        Gen.Select(Gen.Int[0, 200], Gen.Int[0, 200], Gen.Int[0, 50], Gen.Enum<VoteChoice>().Nullable()).Sample((@for, against, abstain, casting) =>
        {
            var vote = new Vote(@for + against + abstain, @for, against, abstain, casting);
            bool carried = @for + against > 0 && 3 * @for >= 2 * (@for + against);

            var outcome = VotingThreshold.TwoThirdsOfPresentAndVoting.Decide(vote);

            Assert.Equal(carried ? VoteResult.Carried : VoteResult.Lost, outcome.Result);
            Assert.StartsWith(carried ? "carried: " : "lost: ", outcome.Explanation);
        }, iter: Iterations, threads: Threads);
    }

    [Fact]
    public void The_simple_majority_outcome_agrees_with_for_against_and_the_casting_vote()
    {
        Gen.Select(Gen.Int[0, 60], Gen.Int[0, 60], Gen.Enum<VoteChoice>().Nullable()).Sample((@for, against, casting) =>
        {
            var expected = @for.CompareTo(against) switch
            {
                > 0 => VoteResult.Carried,
                < 0 => VoteResult.Lost,
                _ => casting switch
                {
                    VoteChoice.For => VoteResult.Carried,
                    VoteChoice.Against => VoteResult.Lost,
                    _ => VoteResult.TiedNeedsCastingVote,
                },
            };

            Assert.Equal(expected, VotingThreshold.SimpleMajority.Decide(new Vote(@for + against, @for, against, 0, casting)).Result);
        }, iter: Iterations, threads: Threads);
    }
}
