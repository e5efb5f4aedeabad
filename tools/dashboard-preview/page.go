package main

import (
	"fmt"
	"html"
	"math"
	"strings"
	"time"
)

// Grafana's grid: 24 columns, rows of 30 px, 8 px between cells.
const (
	gridCols     = 24
	cellHeight   = 30.0
	cellMargin   = 8.0
	pagePad      = 16.0
	headerHeight = 96.0
	panelHeader  = 32.0
	panelPadding = 8.0
)

// Page is the whole rendered dashboard.
type Page struct {
	Dashboard  *Dashboard
	Width      float64
	From, To   time.Time
	Loc        *time.Location
	Variables  []VariableView
	Source     string // footer: what rendered this, from what
	Panels     []PanelData
	Events     []AnnotationEvent
	colW       float64
	gridHeight float64
}

// VariableView is a variable as the dashboard's variable bar shows it.
type VariableView struct{ Label, Text string }

// Layout computes the column width; PanelBox gives a panel's pixel box.
func (p *Page) Layout() {
	p.colW = (p.Width - 2*pagePad - cellMargin*(gridCols-1)) / gridCols
	for _, panel := range p.Dashboard.VisiblePanels() {
		bottom := float64(panel.GridPos.Y+panel.GridPos.H) * (cellHeight + cellMargin)
		p.gridHeight = math.Max(p.gridHeight, bottom)
	}
}

// PanelBox is a panel's position and size in px on the page.
func (p *Page) PanelBox(g GridPos) (x, y, w, h float64) {
	x = pagePad + float64(g.X)*(p.colW+cellMargin)
	y = headerHeight + float64(g.Y)*(cellHeight+cellMargin)
	w = float64(g.W)*p.colW + float64(g.W-1)*cellMargin
	h = float64(g.H)*cellHeight + float64(g.H-1)*cellMargin
	return
}

// BodySize is the drawing area inside a panel of that grid size.
func (p *Page) BodySize(g GridPos) (float64, float64) {
	_, _, w, h := p.PanelBox(g)
	return w - 2*panelPadding, h - panelHeader - panelPadding
}

// Height is the page height in px (for the screenshot window).
func (p *Page) Height() int { return int(math.Ceil(headerHeight + p.gridHeight + 56)) }

// HTML renders the page: self-contained, inline CSS and SVG, no scripts.
func (p *Page) HTML() string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s · dashboard preview</title><style>%s</style></head><body style=\"width:%.0fpx\">",
		html.EscapeString(p.Dashboard.Title), pageCSS, p.Width)
	b.WriteString(`<div class="topbar"><div class="crumbs"><span class="logo">◆</span>Dashboards <span class="sep">›</span> <b>`)
	b.WriteString(html.EscapeString(p.Dashboard.Title))
	b.WriteString(`</b></div><div class="picker">`)
	fmt.Fprintf(&b, `<span class="clock">◷</span>%s to %s %s`, p.From.In(p.Loc).Format("2006-01-02 15:04:05"), p.To.In(p.Loc).Format("15:04:05"), p.Loc.String())
	b.WriteString(`</div></div><div class="varbar">`)
	for _, v := range p.Variables {
		fmt.Fprintf(&b, `<span class="var"><span class="vlabel">%s</span><span class="vvalue">%s <i>▾</i></span></span>`, html.EscapeString(v.Label), html.EscapeString(v.Text))
	}
	b.WriteString(`</div>`)
	for _, d := range p.Panels {
		x, y, w, h := p.PanelBox(d.Panel.GridPos)
		if d.Panel.Type == "row" {
			chevron := "⌄"
			if d.Panel.Collapsed {
				chevron = "›"
			}
			fmt.Fprintf(&b, `<div class="row" style="left:%.0fpx;top:%.0fpx;width:%.0fpx;height:%.0fpx"><span class="chev">%s</span>%s</div>`, x, y, w, h, chevron, html.EscapeString(d.Panel.Title))
			continue
		}
		fmt.Fprintf(&b, `<div class="panel" style="left:%.0fpx;top:%.0fpx;width:%.0fpx;height:%.0fpx"><div class="ptitle">%s`, x, y, w, h, html.EscapeString(d.Panel.Title))
		if d.Panel.Description != "" {
			fmt.Fprintf(&b, `<span class="info" title="%s">i</span>`, html.EscapeString(d.Panel.Description))
		}
		if len(d.Errors) > 0 {
			fmt.Fprintf(&b, `<span class="perr" title="%s">!</span>`, html.EscapeString(strings.Join(d.Errors, "\n")))
		}
		b.WriteString(`</div><div class="pbody">`)
		bw, bh := p.BodySize(d.Panel.GridPos)
		b.WriteString(RenderPanel(d, View{From: p.From, To: p.To, Loc: p.Loc, W: bw, H: bh, Events: p.Events}))
		b.WriteString(`</div></div>`)
	}
	fmt.Fprintf(&b, `<div class="footer" style="top:%.0fpx">%s</div>`, headerHeight+p.gridHeight+8, html.EscapeString(p.Source))
	b.WriteString("</body></html>\n")
	return b.String()
}

// RenderPanel draws a panel's body by its type.
func RenderPanel(d PanelData, v View) string {
	switch d.Panel.Type {
	case "timeseries":
		if len(d.Fields) == 0 {
			return noData()
		}
		return RenderTimeSeries(d, v)
	case "stat":
		return RenderStat(d, v)
	case "bargauge", "gauge":
		return RenderBarGauge(d, v)
	case "state-timeline":
		return RenderStateTimeline(d, v)
	case "table":
		return RenderTable(d, v)
	}
	return fmt.Sprintf(`<div class="nodata">panel type %q is not drawn by this preview</div>`, html.EscapeString(d.Panel.Type))
}

const pageCSS = `
*{box-sizing:border-box}
html,body{margin:0;background:` + canvasBg + `;color:` + textPrimary + `;font:12px/1.4 Inter,"Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif}
body{position:relative;min-height:100vh}
.topbar{height:48px;display:flex;align-items:center;justify-content:space-between;padding:0 16px;border-bottom:1px solid ` + panelBorder + `;background:` + panelBg + `}
.crumbs{font-size:14px;color:` + textSecondary + `}.crumbs b{color:` + textPrimary + `;font-weight:500}.sep{margin:0 6px}
.logo{color:#F46800;font-size:18px;margin-right:10px;vertical-align:-1px}
.picker{border:1px solid rgba(204,204,220,.2);border-radius:2px;padding:4px 10px;font-size:12px;background:#111217}
.clock{margin-right:6px}
.varbar{height:48px;display:flex;align-items:center;gap:10px;padding:0 16px}
.var{display:inline-flex;border:1px solid rgba(204,204,220,.2);border-radius:2px;height:28px;align-items:stretch}
.vlabel{background:#22252b;padding:0 10px;display:flex;align-items:center;font-weight:500;border-right:1px solid rgba(204,204,220,.2)}
.vvalue{padding:0 10px;display:flex;align-items:center;gap:8px}.vvalue i{font-style:normal;color:` + textSecondary + `}
.row{position:absolute;display:flex;align-items:center;font-size:15px;font-weight:500}
.chev{margin-right:8px;color:` + textSecondary + `}
.panel{position:absolute;background:` + panelBg + `;border:1px solid ` + panelBorder + `;border-radius:2px;overflow:hidden}
.ptitle{height:32px;line-height:32px;padding:0 8px;font-size:14px;font-weight:500;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.info{display:inline-block;margin-left:7px;width:13px;height:13px;line-height:11px;border:1px solid rgba(204,204,220,.5);border-radius:50%;text-align:center;font:600 9px/11px Georgia,serif;color:` + textSecondary + `;vertical-align:1px}
.perr{margin-left:6px;background:#C4162A;color:#fff;border-radius:2px;padding:0 5px}
.pbody{position:absolute;left:8px;right:8px;top:32px;bottom:8px}
.plot{display:block;overflow:visible}.tick{font-size:11px;fill:` + textSecondary + `}.rowlabel{font-size:12px;fill:` + textPrimary + `}
.legend{overflow:hidden;font-size:12px}
.legend.list{display:flex;flex-wrap:wrap;align-content:flex-start;column-gap:14px;padding-top:4px}
.legend.list span{display:inline-flex;align-items:center;white-space:nowrap;height:19px}
.sw{display:inline-block;width:14px;height:4px;border-radius:2px;margin-right:7px}
.sw.dot{width:8px;height:8px;border-radius:50%}
.sw.dashed{height:0;border-top:2px dashed;background:none;border-radius:0}
.legend.table table{width:100%;border-collapse:collapse}
.legend.table th{font-weight:500;color:#6E9FFF;text-align:right;padding:2px 8px;font-size:12px}
.legend.table th:first-child{text-align:left;color:` + textPrimary + `}
.legend.table td{padding:2px 8px;border-top:1px solid rgba(204,204,220,.07);white-space:nowrap}
.legend.table td.num{text-align:right}
.nodata{display:flex;height:100%;align-items:center;justify-content:center;font-size:16px;color:` + textSecondary + `}
.stat{display:flex;height:100%;width:100%}
.stat-item{display:flex;border-radius:2px;overflow:hidden;padding:0 12px}
.stat-item.stacked{flex-direction:column;align-items:center;justify-content:center;text-align:center}
.stat-item.inline{flex-direction:row;align-items:center;justify-content:space-between}
.stat-name{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-weight:500}
.stat-value{font-weight:500;white-space:nowrap;line-height:1.1}
.bargauge{display:flex;flex-direction:column;height:100%;justify-content:space-evenly}
.bg-row{display:flex;flex-direction:column;justify-content:center;gap:3px}
.bg-name{font-size:13px}
.bg-line{display:flex;align-items:center;gap:10px;flex:1;max-height:22px}
.bg-track{flex:1;height:100%;background:rgba(204,204,220,.07);border-radius:2px;overflow:hidden}
.bg-bar{height:100%;border-radius:2px}
.bg-value{min-width:70px;text-align:right;font-size:18px;font-weight:500}
.tablepanel table{width:100%;border-collapse:collapse}.tablepanel th{text-align:left;color:#6E9FFF;font-weight:500;padding:4px 8px;border-bottom:1px solid rgba(204,204,220,.12)}
.tablepanel td{padding:4px 8px;border-bottom:1px solid rgba(204,204,220,.07)}.tablepanel .num{text-align:right}
.footer{position:absolute;left:16px;right:16px;font-size:11px;color:` + textSecondary + `}
`
