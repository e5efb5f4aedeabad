namespace DrillBot.Tests.Chart;

/// <summary>Removes the renderer built for this run.</summary>
[SetUpFixture]
public sealed class ChartTestsSetUp
{
    [OneTimeTearDown]
    public void DeleteRenderer() => ChartRenderer.DeleteBuild();
}
