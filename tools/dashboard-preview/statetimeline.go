package main

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// RenderStateTimeline draws a "state-timeline" panel: one row per series, each stretch of time
// coloured by the value's mapping (or threshold) colour, a state lasting until the next sample.
func RenderStateTimeline(d PanelData, v View) string {
	if len(d.Fields) == 0 {
		return noData()
	}
	labelW := 0.0
	for _, fl := range d.Fields {
		labelW = math.Max(labelW, textWidth(fl.Name, 12))
	}
	f := plotFrame{left: labelW + 12, top: 4, width: v.W - labelW - 20, height: v.H - 4 - 20, from: unix(v.From), to: unix(v.To), min: 0, max: 1}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="plot" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f">`, v.W, v.H, v.W, v.H)
	drawTimeAxis(&b, f, v)
	rowH := f.height / float64(len(d.Fields))
	fill := d.Panel.FieldConfig.Defaults.CustomFloat("fillOpacity", 70) / 100
	height := d.Panel.Options.RowHeight
	if height <= 0 {
		height = 0.9
	}
	step := d.Intervals.Interval.Seconds()
	for i, fl := range d.Fields {
		top := f.top + float64(i)*rowH + rowH*(1-height)/2
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="rowlabel" text-anchor="end">%s</text>`, f.left-8, f.top+float64(i)*rowH+rowH/2+4, html.EscapeString(fl.Name))
		pts := fl.Series.Points
		for j := 0; j < len(pts); j++ {
			if math.IsNaN(pts[j].V) {
				continue
			}
			color := CSSColor(ThresholdColor(fl.Config.Thresholds, pts[j].V))
			if _, mc, ok := MappedValue(fl.Config.Mappings, pts[j].V); ok && mc != "" {
				color = CSSColor(mc)
			}
			end := pts[j].T + step
			k := j + 1
			for ; k < len(pts) && !math.IsNaN(pts[k].V) && pts[k].V == pts[j].V && pts[k].T-pts[k-1].T <= step*1.5; k++ {
				end = pts[k].T + step
			}
			if k < len(pts) && pts[k].T-pts[k-1].T <= step*1.5 {
				end = pts[k].T
			}
			x1, x2 := clampX(f, f.x(pts[j].T)), clampX(f, f.x(end))
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="2" fill="%s" stroke="%s" stroke-width="1"/>`,
				x1, top, math.Max(1, x2-x1-1), rowH*height, WithAlpha(color, fill), color)
			j = k - 1
		}
	}
	drawEvents(&b, f, v.Events, true) // annotations as lines too, no markers
	b.WriteString(`</svg>`)
	return b.String()
}

// RenderTable draws a "table" panel: one row per series, its labels and last value.
func RenderTable(d PanelData, v View) string {
	if len(d.Fields) == 0 {
		return noData()
	}
	var keys []string
	seen := map[string]bool{}
	for _, fl := range d.Fields {
		for k := range fl.Series.Labels {
			if !seen[k] && k != "__name__" {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sortStrings(keys)
	var b strings.Builder
	b.WriteString(`<div class="tablepanel"><table><thead><tr>`)
	for _, k := range keys {
		fmt.Fprintf(&b, `<th>%s</th>`, html.EscapeString(k))
	}
	b.WriteString(`<th class="num">Value</th></tr></thead><tbody>`)
	for _, fl := range d.Fields {
		b.WriteString(`<tr>`)
		for _, k := range keys {
			fmt.Fprintf(&b, `<td>%s</td>`, html.EscapeString(fl.Series.Labels[k]))
		}
		val, _ := Reduce(fl.Series.Points, "lastNotNull")
		fmt.Fprintf(&b, `<td class="num">%s</td></tr>`, html.EscapeString(FormatValue(val, fl.Config.Unit, fl.Config.Decimals)))
	}
	b.WriteString(`</tbody></table></div>`)
	return b.String()
}
