using System.Text.Json;
using ApprovalWorkflow.Procedure;

namespace ApprovalWorkflow.Procedure.Tests;

public sealed class VotingThresholdTests
{
    private static readonly VotingThreshold TwoThirds = VotingThreshold.TwoThirdsOfPresentAndVoting;
    private static readonly VotingThreshold Simple = VotingThreshold.SimpleMajority;

    [Fact]
    public void Two_thirds_is_carried_at_exactly_40_for_and_20_against()
    {
        var outcome = TwoThirds.Decide(new Vote(60, 40, 20, 0));

        Assert.Equal(new VoteOutcome(VoteResult.Carried, "carried: 40 for, 20 against; two thirds of the 60 present and voting is 40"), outcome);
    }

    [Fact]
    public void Two_thirds_is_lost_at_39_for_and_21_against()
    {
        var outcome = TwoThirds.Decide(new Vote(60, 39, 21, 0));

        Assert.Equal(new VoteOutcome(VoteResult.Lost, "lost: 39 for, 21 against; two thirds of the 60 present and voting is 40"), outcome);
    }

    [Fact]
    public void Abstentions_do_not_count_toward_those_present_and_voting()
    {
        var outcome = TwoThirds.Decide(new Vote(Present: 90, For: 40, Against: 20, Abstain: 30));

        Assert.Equal(VoteResult.Carried, outcome.Result);
        Assert.Equal("carried: 40 for, 20 against, 30 abstaining (not counted); two thirds of the 60 present and voting is 40", outcome.Explanation);
    }

    [Theory]
    [InlineData(41, 20, VoteResult.Carried, "two thirds of the 61 present and voting is more than 40, so 41 are needed")]
    [InlineData(40, 21, VoteResult.Lost, "two thirds of the 61 present and voting is more than 40, so 41 are needed")]
    [InlineData(2, 1, VoteResult.Carried, "two thirds of the 3 present and voting is 2")]
    [InlineData(1, 0, VoteResult.Carried, "two thirds of the 1 present and voting is more than 0, so 1 is needed")]
    [InlineData(0, 1, VoteResult.Lost, "two thirds of the 1 present and voting is more than 0, so 1 is needed")]
    public void Two_thirds_rounds_the_requirement_up(int @for, int against, VoteResult result, string reason)
    {
        var outcome = TwoThirds.Decide(new Vote(@for + against, @for, against, 0));

        Assert.Equal(result, outcome.Result);
        Assert.EndsWith(reason, outcome.Explanation);
    }

    [Fact]
    public void Two_thirds_with_nobody_voting_for_or_against_is_lost()
    {
        var outcome = TwoThirds.Decide(new Vote(30, 0, 0, 30));

        Assert.Equal(VoteResult.Lost, outcome.Result);
        Assert.StartsWith("lost: 0 for, 0 against, 30 abstaining (not counted); nobody voted", outcome.Explanation);
    }

    [Theory]
    [InlineData(20, 20, VoteChoice.For, VoteResult.Lost)]
    [InlineData(40, 20, VoteChoice.Against, VoteResult.Carried)]
    public void Two_thirds_ignores_a_casting_vote(int @for, int against, VoteChoice casting, VoteResult result)
    {
        var outcome = TwoThirds.Decide(new Vote(@for + against, @for, against, 0, casting));

        Assert.Equal(result, outcome.Result);
        Assert.EndsWith("a casting vote does not apply to a two-thirds majority", outcome.Explanation);
    }

    [Theory]
    [InlineData(21, 20, VoteResult.Carried)]
    [InlineData(20, 21, VoteResult.Lost)]
    [InlineData(1, 0, VoteResult.Carried)]
    public void Simple_majority_needs_more_for_than_against(int @for, int against, VoteResult result)
    {
        Assert.Equal(result, Simple.Decide(new Vote(45, @for, against, 0)).Result);
    }

    [Fact]
    public void Simple_majority_tie_with_casting_vote_for_is_carried()
    {
        Assert.Equal(
            new VoteOutcome(VoteResult.Carried, "carried on the chair's casting vote for: 20 for, 20 against"),
            Simple.Decide(new Vote(40, 20, 20, 0, VoteChoice.For)));
    }

    [Fact]
    public void Simple_majority_tie_with_casting_vote_against_is_lost()
    {
        Assert.Equal(VoteResult.Lost, Simple.Decide(new Vote(40, 20, 20, 0, VoteChoice.Against)).Result);
    }

    [Fact]
    public void Simple_majority_tie_without_casting_vote_needs_one()
    {
        Assert.Equal(
            new VoteOutcome(VoteResult.TiedNeedsCastingVote, "tied: 20 for, 20 against; the chair must give a casting vote, for or against"),
            Simple.Decide(new Vote(40, 20, 20, 0)));
    }

    [Fact]
    public void Simple_majority_tie_with_an_abstaining_casting_vote_still_needs_one()
    {
        Assert.Equal(VoteResult.TiedNeedsCastingVote, Simple.Decide(new Vote(40, 20, 20, 0, VoteChoice.Abstain)).Result);
    }

    [Fact]
    public void Simple_majority_with_nobody_voting_is_a_tie()
    {
        Assert.Equal(VoteResult.TiedNeedsCastingVote, Simple.Decide(new Vote(40, 0, 0, 40)).Result);
    }

    [Fact]
    public void Simple_majority_ignores_a_casting_vote_when_there_is_no_tie()
    {
        Assert.Equal(VoteResult.Carried, Simple.Decide(new Vote(40, 21, 19, 0, VoteChoice.Against)).Result);
    }

    [Fact]
    public void Negative_counts_cannot_be_decided()
    {
        Assert.Throws<ArgumentException>(() => Simple.Decide(new Vote(10, -1, 0, 0)));
        Assert.Throws<ArgumentException>(() => TwoThirds.Decide(new Vote(10, 0, -1, 0)));
        Assert.Throws<ArgumentNullException>(() => TwoThirds.Decide(null!));
    }

    [Theory]
    [InlineData("SimpleMajority")]
    [InlineData("TwoThirdsOfPresentAndVoting")]
    public void A_threshold_is_found_by_its_name(string name)
    {
        var threshold = VotingThreshold.FromName(name);

        Assert.Equal(name, threshold.Name);
        Assert.Equal(name, threshold.ToString());
    }

    [Fact]
    public void The_named_thresholds_are_the_static_ones()
    {
        Assert.Same(Simple, VotingThreshold.FromName("SimpleMajority"));
        Assert.Same(TwoThirds, VotingThreshold.FromName("TwoThirdsOfPresentAndVoting"));
        Assert.NotEqual(Simple, TwoThirds);
    }

    [Theory]
    [InlineData("simplemajority")]
    [InlineData("TwoThirds")]
    [InlineData("")]
    public void An_unknown_name_is_refused_and_the_known_names_are_listed(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => VotingThreshold.FromName(name));

        Assert.Equal("name", error.ParamName);
        Assert.Contains("\"SimpleMajority\", \"TwoThirdsOfPresentAndVoting\"", error.Message);
    }

    private sealed record Rules(VotingThreshold InsistThreshold);

    [Fact]
    public void A_threshold_is_written_to_JSON_as_its_name_and_read_back()
    {
        var json = JsonSerializer.Serialize(new Rules(TwoThirds));

        Assert.Equal("""{"InsistThreshold":"TwoThirdsOfPresentAndVoting"}""", json);
        Assert.Same(TwoThirds, JsonSerializer.Deserialize<Rules>(json)!.InsistThreshold);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Rules>("""{"InsistThreshold":"Unanimous"}"""));
    }
}
