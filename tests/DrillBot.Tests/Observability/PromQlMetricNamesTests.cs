namespace DrillBot.Tests.Observability;

/// <summary>The lexer the dashboard and rules checks rely on: it must find every metric and nothing else.</summary>
public sealed class PromQlMetricNamesTests
{
    [TestCase("up", new[] { "up" })]
    [TestCase("sum by (drill, class) (rate(drillbot_probe_requests_total{drill=~\"$drill\"}[$__rate_interval]))", new[] { "drillbot_probe_requests_total" })]
    [TestCase("histogram_quantile(0.95, sum by (drill, le) (increase(foo_bucket{a=\"b,c\"}[5m])))", new[] { "foo_bucket" })]
    [TestCase("a_total offset 1h / on (drill) group_left (class) b_ratio > bool 1e3", new[] { "a_total", "b_ratio" })]
    [TestCase("max by (drill) (x) unless on (drill) (y > time() - scalar(rec:rule:name))", new[] { "x", "y", "rec:rule:name" })]
    [TestCase("min_over_time(timestamp(z)[30d:1h]) and {__name__=\"w_seconds\", job='q'}", new[] { "z", "w_seconds" })]
    [TestCase("sum without (instance) (v) or vector(0)", new[] { "v" })]
    public void Extract_Expression_FindsExactlyTheMetrics(string expression, string[] expected)
    {
        Assert.That(PromQlMetricNames.Extract(expression), Is.EquivalentTo(expected));
    }
}
