using System.Net;

namespace ApprovalWorkflow.SystemTests;

[Collection(nameof(PlatformCollection))]
public sealed class DeadlinePlannerTests(SystemFixture system)
{
    [Fact]
    public async Task Instructions_received_on_18_June_2012_give_a_period_ending_25_June_and_Council_from_26_June()
    {
        var (status, body) = await system.Client().Get("api/deadlines/reconsideration?instructionsReceived=2012-06-18");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2012-06-19", body!["periodStarts"]!.GetValue<string>());
        Assert.Equal("2012-06-25", body["periodEnds"]!.GetValue<string>());
        Assert.Equal("2012-06-26", body["councilMayDecideFrom"]!.GetValue<string>());
    }

    [Fact]
    public async Task Papers_for_Council_on_11_July_2012_are_published_by_3_July()
    {
        var (status, body) = await system.Client().Get("api/deadlines/publication?meeting=2012-07-11");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2012-07-03", body!["publishBy"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("api/deadlines/reconsideration")]
    [InlineData("api/deadlines/reconsideration?instructionsReceived=18/06/2012")]
    [InlineData("api/deadlines/publication?meeting=2012-02-30")]
    [InlineData("api/deadlines/publication?meeting=")]
    public async Task A_bad_or_missing_date_is_a_400_problem(string path)
    {
        var (status, problem) = await system.Client().Get(path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("yyyy-MM-dd", problem!["detail"]!.GetValue<string>());
    }
}
