namespace ApprovalWorkflow.Procedure;
/// <summary>Placeholder so the project builds before the procedure types land.</summary>
internal static class ProcedureAssembly { }
