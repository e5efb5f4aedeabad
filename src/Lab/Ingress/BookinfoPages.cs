using System.Text;

namespace DrillBot.Lab.Ingress;

/// <summary>
/// Renders (and caches) the productpage HTML: Bookinfo 1.16.2's page (classic, no pod name) or the modern
/// (≥ 1.20, names the serving pod) style. Pages are rendered once per pod and availability combination, so serving one allocates nothing.
/// Used under the world lock.
/// </summary>
internal sealed class BookinfoPages(LabHtmlTemplate template)
{
    public const string ReviewsUnavailable = "Sorry, product reviews are currently unavailable for this book.";
    public const string DetailsUnavailable = "Sorry, product details are currently unavailable for this book.";
    public const string RatingsUnavailable = "Ratings service is currently unavailable";

    private readonly Dictionary<(string? Pod, string? Version, bool Details, bool Ratings), byte[]> _cache = [];

    public LabHtmlTemplate Template { get; } = template;

    /// <summary>The page with reviews served by <paramref name="pod"/> (or the Sorry text when <paramref name="pod"/> is null).</summary>
    public byte[] For(string? pod, string? version, bool detailsUp, bool ratingsUp)
    {
        var key = (pod, version, detailsUp, ratingsUp);
        if (_cache.TryGetValue(key, out var page))
        {
            return page;
        }

        if (_cache.Count > 4096)
        {
            _cache.Clear();
        }

        var html = Template == LabHtmlTemplate.Classic
            ? ClassicPage.Render(pod, version, detailsUp, ratingsUp)
            : ModernPage.Render(pod, version, detailsUp, ratingsUp);
        page = Encoding.UTF8.GetBytes(html);
        _cache[key] = page;
        return page;
    }

    /// <summary>The two reviews (reviewer, text, stars from ratings-v1) every reviews version returns (reviews' LibertyRestEndpoint, 1.16.2).</summary>
    public static readonly (string Reviewer, string Text, int Stars)[] Reviews =
    [
        ("Reviewer1", "An extremely entertaining play by Shakespeare. The slapstick humour is refreshing!", 5),
        ("Reviewer2", "Absolutely fun and entertaining. The play lacks thematic depth when compared to other plays by Shakespeare.", 4),
    ];

    /// <summary>Star colour of a reviews version (v1 shows no ratings).</summary>
    public static string? StarColor(string? version) => version switch
    {
        "v2" => "black",
        "v3" => "red",
        _ => null,
    };
}
