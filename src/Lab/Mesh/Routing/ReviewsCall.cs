namespace DrillBot.Lab.Mesh;

/// <summary>The outcome of productpage's call to reviews: the host that answered 200, or null (the Sorry page), and every attempt.</summary>
internal readonly record struct ReviewsCall(ReviewsHost? Host, IReadOnlyList<HopRecord> Hops)
{
    /// <summary>
    /// The status productpage.py's <c>getProductReviews</c> ends with (and its API route answers): 200, the last
    /// response's status (a sidecar's local reply after a connection failure is 503), or 500 when the last try raised
    /// (productpage's 3 s timeout: flag DC).
    /// </summary>
    public int Status
    {
        get
        {
            if (Host is not null)
            {
                return 200;
            }

            var last = Hops.Count == 0 ? null : Hops[^1];
            return last is null || last.Flag.Contains("DC", StringComparison.Ordinal) ? 500 : last.Status == 0 ? 503 : last.Status;
        }
    }
}
