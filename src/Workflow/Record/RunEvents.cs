using System.Text.Json;
using ApprovalWorkflow.Procedure;

namespace ApprovalWorkflow.Record;

/// <summary>Between the record's rows and the procedure's events: JSON in, state out.</summary>
public static class RunEvents
{
    public static (string Type, string Payload) Serialize(RunEvent e)
    {
        string json = JsonSerializer.Serialize(e, ProcedureJson.Options);
        using var doc = JsonDocument.Parse(json);
        return (doc.RootElement.GetProperty("type").GetString()!, json);
    }

    public static RunEvent Deserialize(RecordedEvent row) =>
        JsonSerializer.Deserialize<RunEvent>(row.Payload, ProcedureJson.Options)
        ?? throw new InvalidDataException($"Run {row.RunId}: event {row.Sequence} is empty on the record.");

    /// <summary>The run's state: every recorded event applied in order, from the explicit initial state.</summary>
    public static RunState Fold(IEnumerable<RecordedEvent> rows) =>
        rows.Aggregate(RunState.Initial, (state, row) => ApprovalRun.Apply(state, Deserialize(row)));
}
