using System.Net;
using System.Text;

namespace DrillBot.Lab.Ingress;

/// <summary>The productpage as Bookinfo images from 1.20 render it (Tailwind classes, SVG stars, no star comments).</summary>
internal static class ModernPage
{
    private const string StarPath = "<path d=\"M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z\"/>";

    public static string Render(string? pod, string? version, bool detailsUp, bool ratingsUp)
    {
        var html = new StringBuilder(4096);
        html.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1.0">
            <title>Simple Bookstore App</title>
            <script src="static/tailwind/tailwind.css"></script>
            </head>
            <body class="bg-gray-50">
            <nav class="bg-gray-800 px-6 py-3"><span class="text-xl font-semibold text-white">BookInfo Sample</span></nav>
            <main class="mx-auto max-w-5xl p-6">
              <h1 class="mb-2 text-3xl font-bold text-blue-900">The Comedy of Errors</h1>
              <p class="mb-6 text-gray-700">Summary: one of Shakespeare's earliest comedies, a farce of two sets of identical twins separated at birth.</p>
              <div class="grid grid-cols-2 gap-8">
                <section>
                  <h2 class="mb-3 text-xl font-semibold text-blue-900">Book Details</h2>

            """);
        html.Append(detailsUp
            ? "      <dl class=\"grid grid-cols-2\"><dt>Type:</dt><dd>paperback</dd><dt>Pages:</dt><dd>200</dd><dt>Publisher:</dt><dd>PublisherA</dd><dt>Language:</dt><dd>English</dd><dt>ISBN-10:</dt><dd>1234567890</dd><dt>ISBN-13:</dt><dd>123-1234567890</dd></dl>\n"
            : $"      <p class=\"text-gray-700\">{BookinfoPages.DetailsUnavailable}</p>\n");
        html.Append("    </section>\n    <section>\n      <h2 class=\"mb-3 text-xl font-semibold text-blue-900\">Book Reviews</h2>\n");
        if (pod is null)
        {
            html.Append("      <p class=\"text-gray-700\">").Append(BookinfoPages.ReviewsUnavailable).Append("</p>\n");
        }
        else
        {
            foreach (var (reviewer, text, stars) in BookinfoPages.Reviews)
            {
                html.Append("      <blockquote class=\"mb-4 border-l-4 pl-4\">\n        <p>").Append(text)
                    .Append("</p>\n        <small class=\"text-gray-500\">").Append(reviewer).Append("</small>\n");
                AppendStars(html, BookinfoPages.StarColor(version), stars, ratingsUp);
                html.Append("      </blockquote>\n");
            }

            html.Append("      <p class=\"text-sm text-gray-500\">Reviews served by: <span class=\"font-mono\">")
                .Append(WebUtility.HtmlEncode(pod)).Append("</span></p>\n");
        }

        html.Append("    </section>\n  </div>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendStars(StringBuilder html, string? color, int stars, bool ratingsUp)
    {
        if (color is null)
        {
            return;
        }

        if (!ratingsUp)
        {
            html.Append("        <p class=\"italic\">").Append(BookinfoPages.RatingsUnavailable).Append("</p>\n");
            return;
        }

        html.Append("        <div class=\"flex\">");
        for (var i = 0; i < 5; i++)
        {
            var cls = i < stars ? $"text-{color}-500" : "text-gray-300";
            html.Append("<svg class=\"h-5 w-5 ").Append(cls).Append("\" fill=\"currentColor\" viewBox=\"0 0 20 20\">")
                .Append(StarPath).Append("</svg>");
        }

        html.Append("</div>\n");
    }
}
