namespace DrillBot.Lab.Mesh;

/// <summary>The outcome of productpage's call to reviews: the host that answered 200, or null (the Sorry page).</summary>
internal readonly record struct ReviewsCall(ReviewsHost? Host, int Attempts);
