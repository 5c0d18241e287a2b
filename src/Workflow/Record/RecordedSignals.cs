using System.Collections.Concurrent;

namespace ApprovalWorkflow.Record;

/// <summary>
/// In-process word that a request's answer has just been recorded, so an HTTP call waiting for it in the
/// same process can read it at once instead of polling storage. Only a shortcut: where the activity runs
/// in another process (a scaled-out Functions app) no word comes, and the waiter still reads the record.
/// </summary>
public sealed class RecordedSignals
{
    readonly ConcurrentDictionary<(string RunId, string RequestId), TaskCompletionSource> waiting = new();

    /// <summary>A task that completes when the request is recorded here. Call it before reading the record, so no word is missed.</summary>
    public Task Expect(string runId, string requestId) =>
        waiting.GetOrAdd((runId, requestId), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>The request's answer is on the record.</summary>
    public void Recorded(string runId, string requestId)
    {
        if (waiting.TryRemove((runId, requestId), out var signal))
        {
            signal.TrySetResult();
        }
    }

    /// <summary>The waiter has its answer or has given up.</summary>
    public void Forget(string runId, string requestId) => waiting.TryRemove((runId, requestId), out _);
}
