namespace DrillBot.Drills.Reports;

/// <summary>The report's inline stylesheet.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#f8fafc}
        header{display:flex;gap:24px;align-items:center;padding:20px 32px;color:#fff}
        header h1{margin:0;font-size:24px}header p{margin:4px 0}.meta{opacity:.85;font-size:13px}
        .verdict{font-size:28px;font-weight:800;letter-spacing:.06em;padding:10px 18px;border:3px solid #fff;border-radius:10px}
        .v-passed{background:#047857}.v-failed{background:#b91c1c}.v-aborted{background:#b45309}.v-errored{background:#6b21a8}.v-inconclusive{background:#1d4ed8}
        main{max-width:1200px;margin:0 auto;padding:16px 24px 40px}
        section{background:#fff;border:1px solid #e2e8f0;border-radius:10px;padding:14px 18px;margin:14px 0}
        h2{margin:0 0 10px;font-size:16px}
        .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;background:none;border:0;padding:0}
        .figure{background:#fff;border:1px solid #e2e8f0;border-radius:10px;padding:12px 14px}
        .figure .label{font-size:12px;text-transform:uppercase;color:#64748b;letter-spacing:.04em}
        .figure .value{font-size:22px;line-height:32px;font-weight:700;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.figure .value.long{font-size:17px}.figure .note,.note{font-size:12px;color:#64748b}
        table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e2e8f0;vertical-align:top}
        th{font-size:12px;color:#475569;text-transform:uppercase}code{font-size:12px;overflow-wrap:anywhere}.fv{padding-left:1.5em;text-indent:-1.5em;min-width:15em}
        .ok{color:#047857;font-weight:600}.bad{color:#b91c1c;font-weight:600}.warn{color:#1d4ed8;font-weight:600}
        .reasons li{margin:3px 0}.legend{display:flex;flex-wrap:wrap;gap:14px;margin-bottom:6px;font-size:13px}
        .legend i{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:5px;vertical-align:-1px}
        svg.timeline{width:100%;height:auto}.axis{font-size:11px;fill:#64748b}.grid{stroke:#e2e8f0}.mlabel{font-size:11px;font-weight:600}
        footer{font-size:12px;color:#64748b;margin-top:20px}
        """;
}
