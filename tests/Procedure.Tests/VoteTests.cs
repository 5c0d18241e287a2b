using ApprovalWorkflow.Procedure;

namespace ApprovalWorkflow.Procedure.Tests;

internal static class Bodies
{
    public static Member Councillor(int number) =>
        new($"m{number:00}", $"Cllr Member {number}", $"member{number}@council.example");

    /// <summary>A Full Council of <paramref name="size"/> members m01, m02, ... with a quorum of one quarter.</summary>
    public static Body FullCouncil(int size = 45) =>
        new("full-council", "Full Council", Enumerable.Range(1, size).Select(Councillor).ToArray(), Quorum.OneQuarter);
}

public sealed class VoteTests
{
    private static readonly Body Council = Bodies.FullCouncil();

    [Fact]
    public void A_valid_vote_has_no_problems()
    {
        Assert.Empty(new Vote(Present: 45, For: 30, Against: 10, Abstain: 5).ProblemsFor(Council, namedVotesRequired: false));
    }

    [Fact]
    public void Abstentions_are_present_but_not_voting()
    {
        var vote = new Vote(Present: 45, For: 30, Against: 10, Abstain: 5);

        Assert.Equal(40, vote.PresentAndVoting);
        Assert.False(vote.IsNamed);
    }

    [Theory]
    [InlineData(1, 4, 45, 12)]
    [InlineData(1, 4, 44, 11)]
    [InlineData(1, 4, 1, 1)]
    [InlineData(1, 4, 0, 0)]
    [InlineData(0, 1, 45, 0)]
    [InlineData(1, 3, 10, 4)]
    [InlineData(1, 1, 7, 7)]
    public void Quorum_is_the_fraction_of_the_whole_number_of_members_rounded_up(int numerator, int denominator, int members, int required)
    {
        Assert.Equal(required, new Quorum(numerator, denominator).RequiredOf(members));
    }

    [Fact]
    public void Full_Council_of_45_needs_12_present_and_11_is_not_quorate()
    {
        Assert.Equal(12, Quorum.OneQuarter.RequiredOf(45));
        Assert.Empty(new Vote(12, 8, 4, 0).ProblemsFor(Council, false));

        var problems = new Vote(11, 8, 3, 0).ProblemsFor(Council, false);

        var problem = Assert.Single(problems);
        Assert.Equal("the meeting was not quorate: 11 members present, but Full Council needs 12 of its 45 members (1/4, rounded up)", problem);
    }

    [Theory]
    [InlineData(1, 0, "Denominator")]
    [InlineData(-1, 4, "Numerator")]
    [InlineData(5, 4, "Numerator")]
    public void A_quorum_must_be_a_fraction_between_none_and_the_whole_body(int numerator, int denominator, string argument)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Quorum(numerator, denominator));
        Assert.Equal(argument, error.ParamName);
    }

    [Fact]
    public void Negative_counts_are_each_reported()
    {
        var problems = new Vote(-1, -2, -3, -4).ProblemsFor(Bodies.FullCouncil(0), false);

        Assert.Contains("the number present cannot be negative (recorded as -1)", problems);
        Assert.Contains("the votes for cannot be negative (recorded as -2)", problems);
        Assert.Contains("the votes against cannot be negative (recorded as -3)", problems);
        Assert.Contains("the abstentions cannot be negative (recorded as -4)", problems);
    }

    [Fact]
    public void More_votes_than_members_present_is_reported()
    {
        var problem = Assert.Single(new Vote(60, 40, 20, 5).ProblemsFor(Bodies.FullCouncil(60), false));

        Assert.Equal("40 for, 20 against and 5 abstaining make 65, more than the 60 members present", problem);
    }

    [Fact]
    public void A_casting_vote_cannot_be_an_abstention()
    {
        var problem = Assert.Single(new Vote(20, 10, 10, 0, CastingVote: VoteChoice.Abstain).ProblemsFor(Council, false));

        Assert.Equal("the chair's casting vote must be for or against, not an abstention", problem);
    }

    [Fact]
    public void A_budget_decision_meeting_refuses_a_vote_without_names()
    {
        var problem = Assert.Single(new Vote(45, 30, 15, 0).ProblemsFor(Council, namedVotesRequired: true));

        Assert.Equal("Full Council must record this vote by name: list how each member present voted", problem);
    }

    [Fact]
    public void Named_vote_counts_follow_from_the_names()
    {
        var vote = Vote.FromNames(14, Names((1, VoteChoice.For), (2, VoteChoice.For), (3, VoteChoice.Against), (4, VoteChoice.Abstain), (5, VoteChoice.For)));

        Assert.Equal((14, 3, 1, 1), (vote.Present, vote.For, vote.Against, vote.Abstain));
        Assert.True(vote.IsNamed);
        Assert.Empty(vote.ProblemsFor(Council, namedVotesRequired: true));
    }

    [Fact]
    public void A_named_vote_by_someone_who_is_not_a_member_is_refused()
    {
        var named = Names((1, VoteChoice.For), (2, VoteChoice.For)).Append(new NamedVote("stranger", VoteChoice.Against)).ToArray();

        var problem = Assert.Single(Vote.FromNames(12, named).ProblemsFor(Council, true));

        Assert.Equal("'stranger' is not a member of Full Council", problem);
    }

    [Fact]
    public void A_member_named_twice_is_refused()
    {
        var problem = Assert.Single(Vote.FromNames(12, Names((1, VoteChoice.For), (1, VoteChoice.Against))).ProblemsFor(Council, true));

        Assert.Equal("Cllr Member 1 (m01) is named 2 times: each member votes once", problem);
    }

    [Fact]
    public void Counts_that_do_not_match_the_names_are_refused()
    {
        var vote = new Vote(12, For: 3, Against: 1, Abstain: 0, Named: Names((1, VoteChoice.For), (2, VoteChoice.For), (3, VoteChoice.Against)));

        var problem = Assert.Single(vote.ProblemsFor(Council, true));

        Assert.Equal("the counts do not match the names: 3 recorded as for but 2 named as for", problem);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var vote = new Vote(5, 4, 3, 0, VoteChoice.Abstain, [new NamedVote("stranger", VoteChoice.For)]);

        // too many votes, not quorate, a stranger, the for count, the against count, the casting vote
        Assert.Equal(6, vote.ProblemsFor(Council, true).Count);
    }

    [Fact]
    public void The_same_vote_with_names_in_another_order_is_equal()
    {
        var first = Vote.FromNames(12, Names((1, VoteChoice.For), (2, VoteChoice.Against)));
        var again = Vote.FromNames(12, Names((2, VoteChoice.Against), (1, VoteChoice.For)));

        Assert.Equal(first, again);
        Assert.Equal(first.GetHashCode(), again.GetHashCode());
        Assert.NotEqual(first, Vote.FromNames(12, Names((1, VoteChoice.Against), (2, VoteChoice.For))));
        Assert.NotEqual(first, new Vote(12, 1, 1, 0));
    }

    [Fact]
    public void Changing_the_list_passed_in_does_not_change_the_vote()
    {
        var names = new List<NamedVote>(Names((1, VoteChoice.For)));
        var vote = Vote.FromNames(12, names);

        names.Add(new NamedVote("m02", VoteChoice.Against));

        Assert.Single(vote.Named!);
    }

    [Fact]
    public void Names_are_required_to_build_a_vote_from_names()
    {
        Assert.Throws<ArgumentNullException>(() => Vote.FromNames(12, null!));
        Assert.Throws<ArgumentException>(() => Vote.FromNames(12, [null!]));
    }

    [Fact]
    public void A_body_knows_its_members_by_id()
    {
        Assert.True(Council.HasMember("m45"));
        Assert.False(Council.HasMember("m46"));
        Assert.False(Council.HasMember("M01"));
    }

    [Fact]
    public void A_body_may_not_list_a_member_twice_even_when_changed_with_with()
    {
        var twice = new[] { Bodies.Councillor(1), Bodies.Councillor(1) };

        var error = Assert.Throws<ArgumentException>(() => new Body("cabinet", "Cabinet", twice, Quorum.None));
        Assert.Equal("Members", error.ParamName);
        Assert.Throws<ArgumentException>(() => Council with { Members = twice });
    }

    [Fact]
    public void Bodies_with_the_same_members_are_equal()
    {
        Assert.Equal(Bodies.FullCouncil(), Bodies.FullCouncil());
        Assert.NotEqual(Bodies.FullCouncil(), Bodies.FullCouncil(44));
    }

    [Theory]
    [InlineData("", "Name", "a@b.example", "Id")]
    [InlineData("m1", " ", "a@b.example", "Name")]
    [InlineData("m1", "Name", "not an address", "Email")]
    public void A_member_needs_an_id_a_name_and_an_email_address(string id, string name, string email, string argument)
    {
        var error = Assert.Throws<ArgumentException>(() => new Member(id, name, email));
        Assert.Equal(argument, error.ParamName);
    }

    private static NamedVote[] Names(params (int Member, VoteChoice Choice)[] votes) =>
        votes.Select(vote => new NamedVote(Bodies.Councillor(vote.Member).Id, vote.Choice)).ToArray();
}
