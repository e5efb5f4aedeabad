using System.Text;

namespace DrillBot.Lab.Ingress;

/// <summary>
/// The productpage as the runbook's Bookinfo 1.16.2 images render it: istio/istio
/// samples/bookinfo/src/productpage/templates/productpage.html as of the 1.16.2 image build (commit 436c258452b,
/// 2020-06-30; cited in docs/lab.md). Bootstrap and glyphicons; each rated review is a
/// <c>&lt;font color=…&gt;</c> with <c>&lt;!-- full stars: --&gt;</c> and <c>&lt;!-- empty stars: --&gt;</c> comments;
/// the page does <b>not</b> name the serving pod (the "Reviews served by" line arrived with the 1.16.4 images).
/// </summary>
internal static class ClassicPage
{
    public static string Render(string? pod, string? version, bool detailsUp, bool ratingsUp)
    {
        _ = pod;
        var html = new StringBuilder(4096);
        html.Append("""
            <!DOCTYPE html>
            <html>
              <head>
                <meta charset="utf-8">
                <meta http-equiv="X-UA-Compatible" content="IE=edge">
                <meta name="viewport" content="width=device-width, initial-scale=1.0">
                <title>Simple Bookstore App</title>
                <link rel="stylesheet" href="static/bootstrap/css/bootstrap.min.css">
                <link rel="stylesheet" href="static/bootstrap/css/bootstrap-theme.min.css">
              </head>
              <body>
            <nav class="navbar navbar-inverse navbar-static-top">
              <div class="container">
                <div class="navbar-header">
                  <a class="navbar-brand" href="#">BookInfo Sample</a>
                </div>
                <button type="button" class="btn btn-default navbar-btn navbar-right" data-toggle="modal" href="#login-modal">Sign
                  in</button>
              </div>
            </nav>
            <div class="container-fluid">
              <div class="row">
                <div class="col-md-12">
                  <h3 class="text-center text-primary">The Comedy of Errors</h3>
                  <p>Summary: <a href="https://en.wikipedia.org/wiki/The_Comedy_of_Errors">Wikipedia Summary</a>: The Comedy of Errors is one of <b>William Shakespeare's</b> early plays. It is his shortest and one of his most farcical comedies, with a major part of the humour coming from slapstick and mistaken identity, in addition to puns and word play.</p>
                </div>
              </div>
              <div class="row">
                <div class="col-md-6">

            """);
        html.Append(detailsUp
            ? "      <h4 class=\"text-center text-primary\">Book Details</h4>\n      <dl>\n        <dt>Type:</dt>paperback\n        <dt>Pages:</dt>200\n        <dt>Publisher:</dt>PublisherA\n        <dt>Language:</dt>English\n        <dt>ISBN-10:</dt>1234567890\n        <dt>ISBN-13:</dt>123-1234567890\n      </dl>\n"
            : $"      <h4 class=\"text-center text-primary\">Error fetching product details!</h4>\n      <p>{BookinfoPages.DetailsUnavailable}</p>\n");
        html.Append("    </div>\n\n    <div class=\"col-md-6\">\n");
        if (pod is null)
        {
            html.Append("      <h4 class=\"text-center text-primary\">Error fetching product reviews!</h4>\n      <p>")
                .Append(BookinfoPages.ReviewsUnavailable).Append("</p>\n");
        }
        else
        {
            html.Append("      <h4 class=\"text-center text-primary\">Book Reviews</h4>\n");
            foreach (var (reviewer, text, stars) in BookinfoPages.Reviews)
            {
                html.Append("      <blockquote>\n        <p>").Append(text).Append("</p>\n        <small>").Append(reviewer).Append("</small>\n");
                AppendStars(html, BookinfoPages.StarColor(version), stars, ratingsUp);
                html.Append("      </blockquote>\n");
            }
        }

        html.Append("    </div>\n  </div>\n</div>\n  </body>\n</html>\n");
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

        // The template writes both comments always (an empty loop leaves only the comment).
        html.Append("        <font color=\"").Append(color).Append("\">\n          <!-- full stars: -->\n");
        for (var i = 0; i < stars; i++)
        {
            html.Append("          <span class=\"glyphicon glyphicon-star\"></span>\n");
        }

        html.Append("          <!-- empty stars: -->\n");
        for (var i = stars; i < 5; i++)
        {
            html.Append("          <span class=\"glyphicon glyphicon-star-empty\"></span>\n");
        }

        html.Append("        </font>\n");
    }
}
