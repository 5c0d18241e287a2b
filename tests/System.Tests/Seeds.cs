namespace ApprovalWorkflow.SystemTests;

/// <summary>The real council papers the project comes from (copied from shared/seeds), as test data.</summary>
public static class Seeds
{
    public static string Path(string prefix) =>
        Directory.GetFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "Seeds"), prefix + "_*.txt").Single();

    public static string Text(string prefix) => File.ReadAllText(Path(prefix));

    /// <summary>
    /// Seed 000, section 6.1: the amendment Council agreed on 18 June 2012, moved by Councillor Abdal Ullah
    /// and seconded by Councillor Judith Gardiner (its three changes to the plan's text included).
    /// </summary>
    public static string Seed000Amendment()
    {
        string text = Text("000");
        int start = text.IndexOf("This Council notes:", StringComparison.Ordinal);
        int end = text.IndexOf("Tower Hamlets councillors\n", start, StringComparison.Ordinal);
        return text[start..(end + "Tower Hamlets councillors".Length)].Trim();
    }

    /// <summary>Seed 000, section 10: officers' advice to the Executive on not accepting the amendment.</summary>
    public static string Seed000Reasons()
    {
        string text = Text("000");
        int start = text.IndexOf("10.1 The comments of the Corporate Director", StringComparison.Ordinal);
        return text.Substring(start, Math.Min(3000, text.Length - start)).Trim();
    }
}
