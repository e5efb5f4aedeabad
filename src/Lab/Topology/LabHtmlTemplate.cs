namespace DrillBot.Lab;

/// <summary>Which Bookinfo productpage HTML the Lab renders.</summary>
public enum LabHtmlTemplate
{
    /// <summary>Images up to 1.19 (Bootstrap glyphicons; each star row is preceded by <c>&lt;!-- full stars: --&gt;</c>).</summary>
    Classic,

    /// <summary>Images from 1.20 (Tailwind; stars carry <c>text-black-500</c> / <c>text-red-500</c>, no comments).</summary>
    Modern,
}
