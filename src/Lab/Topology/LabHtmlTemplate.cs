namespace DrillBot.Lab;

/// <summary>Which Bookinfo productpage HTML the Lab renders.</summary>
public enum LabHtmlTemplate
{
    /// <summary>
    /// The runbook's 1.16.2 images (Bootstrap glyphicons; each star row is preceded by <c>&lt;!-- full stars: --&gt;</c>;
    /// the page does not name the serving pod). Topology value <c>classic</c> or <c>classic-1.16</c>.
    /// </summary>
    Classic,

    /// <summary>Images from 1.20 (Tailwind; stars carry <c>text-black-500</c> / <c>text-red-500</c>, no comments).</summary>
    Modern,
}
