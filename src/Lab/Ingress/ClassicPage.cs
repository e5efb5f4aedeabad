using System.Net;
using System.Text;

namespace DrillBot.Lab.Ingress;

/// <summary>The productpage as Bookinfo images up to 1.19 render it (Bootstrap, glyphicon stars, star comments).</summary>
internal static class ClassicPage
{
    public static string Render(string? pod, string? version, bool detailsUp, bool ratingsUp)
    {
        var html = new StringBuilder(4096);
        html.Append("""
            <!DOCTYPE html>
            <html>
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1.0">
            <title>Simple Bookstore App</title>
            <link rel="stylesheet" href="static/bootstrap/css/bootstrap.min.css">
            </head>
            <body>
            <nav class="navbar navbar-inverse navbar-static-top">
              <div class="container"><a class="navbar-brand" href="#">BookInfo Sample</a></div>
            </nav>
            <div class="container-fluid">
              <div class="row"><div class="col-md-12">
                <h3 class="text-center text-primary">The Comedy of Errors</h3>
                <p>Summary: one of Shakespeare's earliest comedies, a farce of two sets of identical twins separated at birth.</p>
              </div></div>
              <div class="row">
                <div class="col-md-6">
                  <h4 class="text-center text-primary">Book Details</h4>

            """);
        html.Append(detailsUp
            ? "      <dl><dt>Type:</dt>paperback<dt>Pages:</dt>200<dt>Publisher:</dt>PublisherA<dt>Language:</dt>English<dt>ISBN-10:</dt>1234567890<dt>ISBN-13:</dt>123-1234567890</dl>\n"
            : $"      <h4 class=\"text-center text-primary\">Error fetching product details!</h4>\n      <p>{BookinfoPages.DetailsUnavailable}</p>\n");
        html.Append("    </div>\n    <div class=\"col-md-6\">\n      <h4 class=\"text-center text-primary\">Book Reviews</h4>\n");
        if (pod is null)
        {
            html.Append("      <h4 class=\"text-center text-primary\">Error fetching product reviews!</h4>\n      <p>")
                .Append(BookinfoPages.ReviewsUnavailable).Append("</p>\n");
        }
        else
        {
            foreach (var (reviewer, text, stars) in BookinfoPages.Reviews)
            {
                html.Append("      <blockquote>\n        <p>").Append(text).Append("</p>\n        <small>").Append(reviewer).Append("</small>\n");
                AppendStars(html, BookinfoPages.StarColor(version), stars, ratingsUp);
                html.Append("      </blockquote>\n");
            }

            html.Append("      <dl><dt>Reviews served by:</dt><u>").Append(WebUtility.HtmlEncode(pod)).Append("</u></dl>\n");
        }

        html.Append("    </div>\n  </div>\n</div>\n</body>\n</html>\n");
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
            html.Append("        <p><i>").Append(BookinfoPages.RatingsUnavailable).Append("</i></p>\n");
            return;
        }

        html.Append("        <font color=\"").Append(color).Append("\">\n          <!-- full stars: -->\n          ");
        for (var i = 0; i < stars; i++)
        {
            html.Append("<span class=\"glyphicon glyphicon-star\"></span>");
        }

        if (stars < 5)
        {
            html.Append("\n          <!-- empty stars: -->\n          ");
            for (var i = stars; i < 5; i++)
            {
                html.Append("<span class=\"glyphicon glyphicon-star-empty\"></span>");
            }
        }

        html.Append("\n        </font>\n");
    }
}
