namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>A fact that runs only when <c>FAULT_MATRIX_FULL=1</c> (bench/faults.sh sets it): the
/// whole matrix takes far longer than the suite's budget, and the suite runs the slice instead.</summary>
public sealed class FullMatrixFactAttribute : FactAttribute
{
    public FullMatrixFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("FAULT_MATRIX_FULL") != "1")
        {
            Skip = "the whole fault matrix runs from bench/faults.sh (FAULT_MATRIX_FULL=1); the suite runs FaultMatrixSliceTests";
        }
    }
}
