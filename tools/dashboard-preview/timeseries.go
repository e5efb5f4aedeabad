package main

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strings"
	"time"
)

// View is where and when a panel is drawn.
type View struct {
	From, To time.Time
	Loc      *time.Location
	W, H     float64 // panel body size in px
	Events   []AnnotationEvent
}

// plotFrame maps times and values to pixels inside an SVG.
type plotFrame struct {
	left, top, width, height float64
	from, to                 float64 // Unix seconds
	min, max                 float64
}

func (f plotFrame) x(t float64) float64 { return f.left + (t-f.from)/(f.to-f.from)*f.width }
func (f plotFrame) y(v float64) float64 {
	return f.top + f.height - (v-f.min)/(f.max-f.min)*f.height
}

// stackedPoint is a point with the value drawn (after stacking) and the base it stands on.
type stackedPoint struct{ t, base, top float64 }

// RenderTimeSeries draws a "timeseries" panel: lines, points or bars, stacking, overrides,
// annotations, and a list or table legend.
func RenderTimeSeries(d PanelData, v View) string {
	legendHTML, legendH := renderLegend(d, v)
	plotH := v.H - legendH
	stacked, lo, hi := stackFields(d.Fields)
	if m := d.Panel.FieldConfig.Defaults.Min; m != nil {
		lo = *m
	} else if lo > 0 {
		lo = 0
	}
	if m := d.Panel.FieldConfig.Defaults.Max; m != nil {
		hi = *m
	}
	unit := d.Panel.FieldConfig.Defaults.Unit
	scale := unitScale(unit, math.Max(math.Abs(lo), math.Abs(hi)))
	ticks, ymin, ymax := NiceTicks(lo/scale, hi/scale, int(math.Max(2, plotH/45)), d.Panel.FieldConfig.Defaults.Decimals)
	for i := range ticks {
		ticks[i] *= scale
	}
	ymin, ymax = ymin*scale, ymax*scale
	if d.Panel.FieldConfig.Defaults.Min != nil {
		ymin = lo
	}
	if d.Panel.FieldConfig.Defaults.Max != nil {
		ymax = hi
	}
	decimals := tickDecimals(ticks, d.Panel.FieldConfig.Defaults.Decimals)
	axisW := 0.0
	for _, t := range ticks {
		axisW = math.Max(axisW, textWidth(FormatValue(t, unit, decimals), 11))
	}
	f := plotFrame{left: axisW + 10, top: 6, width: v.W - axisW - 18, height: plotH - 6 - 20,
		from: unix(v.From), to: unix(v.To), min: ymin, max: ymax}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="plot" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f">`, v.W, plotH, v.W, plotH)
	for _, t := range ticks {
		if t < ymin-1e-9 || t > ymax+1e-9 {
			continue
		}
		y := f.y(t)
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s"/>`, f.left, f.left+f.width, y, y, gridLine)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="tick" text-anchor="end">%s</text>`, f.left-6, y+4, html.EscapeString(FormatValue(t, unit, decimals)))
	}
	drawTimeAxis(&b, f, v)
	drawEvents(&b, f, v.Events, false)
	// the data is clipped to the plot area, as bars centred on the range's edges would spill over
	clip := fmt.Sprintf("clip-%d", d.Panel.ID)
	fmt.Fprintf(&b, `<clipPath id="%s"><rect x="%.1f" y="%.1f" width="%.1f" height="%.1f"/></clipPath><g clip-path="url(#%s)">`,
		clip, f.left, f.top-2, f.width, f.height+4, clip)
	step := d.Intervals.Interval.Seconds()
	for i, fl := range d.Fields {
		drawField(&b, f, fl, stacked[i], step)
	}
	b.WriteString(`</g></svg>`)
	return b.String() + legendHTML
}

func unix(t time.Time) float64 { return float64(t.UnixNano()) / 1e9 }

// unitScale is the power of 1024 that round byte ticks are counted in (1 for other units).
func unitScale(unit string, magnitude float64) float64 {
	if unit != "bytes" || magnitude < 1024 {
		return 1
	}
	return math.Pow(1024, math.Floor(math.Log(magnitude)/math.Log(1024)))
}

// tickDecimals keeps the panel's decimals; otherwise FormatValue picks as few as each tick needs.
func tickDecimals(_ []float64, fixed *int) *int { return fixed }

// stackFields applies custom.stacking (mode normal) per group and returns the drawn points and
// the value range.
func stackFields(fields []Field) ([][]stackedPoint, float64, float64) {
	out := make([][]stackedPoint, len(fields))
	sums := map[string]map[int64]float64{}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, fl := range fields {
		group := ""
		stack := fl.Config.StackingMode() == "normal"
		if stack {
			group = string(fl.Config.Custom["stacking"])
			if sums[group] == nil {
				sums[group] = map[int64]float64{}
			}
		}
		for _, p := range fl.Series.Points {
			if math.IsNaN(p.V) {
				continue
			}
			base := 0.0
			if stack {
				key := int64(math.Round(p.T * 1000))
				base = sums[group][key]
				sums[group][key] = base + p.V
			}
			sp := stackedPoint{t: p.T, base: base, top: base + p.V}
			out[i] = append(out[i], sp)
			lo, hi = math.Min(lo, math.Min(sp.base, sp.top)), math.Max(hi, math.Max(sp.base, sp.top))
		}
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 1
	}
	return out, lo, hi
}

func drawField(b *strings.Builder, f plotFrame, fl Field, pts []stackedPoint, step float64) {
	cfg := fl.Config
	style := cfg.CustomString("drawStyle")
	if style == "" {
		style = "line"
	}
	lineWidth := cfg.CustomFloat("lineWidth", 1)
	fill := cfg.CustomFloat("fillOpacity", 0) / 100
	if style == "bars" {
		barW := math.Max(2, 0.6*step/(f.to-f.from)*f.width)
		for _, p := range pts {
			if p.t < f.from || p.t > f.to {
				continue
			}
			x := f.x(p.t) - barW/2
			y1, y2 := f.y(p.top), f.y(p.base)
			fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" stroke="%s" stroke-width="%.1f"/>`,
				x, math.Min(y1, y2), barW, math.Abs(y2-y1), WithAlpha(fl.Color, math.Max(fill, 0.1)), fl.Color, lineWidth)
		}
		return
	}
	spanNulls := cfg.CustomBool("spanNulls", false)
	segments := splitSegments(pts, step, spanNulls)
	if style == "line" {
		stepAfter := cfg.CustomString("lineInterpolation") == "stepAfter"
		dash := ""
		if d := cfg.Dashed(); d != nil {
			dash = fmt.Sprintf(` stroke-dasharray="%g %g"`, d[0], d[len(d)-1])
		}
		for _, seg := range segments {
			line := linePath(f, seg, stepAfter, func(p stackedPoint) float64 { return p.top })
			if fill > 0 {
				base := linePath(f, reverse(seg), stepAfter, func(p stackedPoint) float64 { return p.base })
				fmt.Fprintf(b, `<path d="%s L%s Z" fill="%s" stroke="none"/>`, line, strings.TrimPrefix(base, "M"), WithAlpha(fl.Color, fill))
			}
			fmt.Fprintf(b, `<path d="%s" fill="none" stroke="%s" stroke-width="%.1f" stroke-linejoin="round"%s/>`, line, fl.Color, lineWidth, dash)
		}
	}
	showPoints := cfg.CustomString("showPoints")
	if style == "points" || showPoints == "always" || showPoints == "auto" && style == "line" && sparse(f, pts) {
		r := cfg.CustomFloat("pointSize", 5) / 2
		if style == "line" && showPoints != "always" {
			r = math.Min(r, 2.5)
		}
		if showPoints == "never" && style != "points" {
			return
		}
		for _, p := range pts {
			if p.t >= f.from && p.t <= f.to {
				fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s"/>`, f.x(p.t), f.y(p.top), r, fl.Color)
			}
		}
	}
}

func sparse(f plotFrame, pts []stackedPoint) bool {
	return len(pts) > 0 && f.width/float64(len(pts)) > 12
}

// splitSegments breaks a series where samples are missing (Grafana draws gaps unless spanNulls).
func splitSegments(pts []stackedPoint, step float64, spanNulls bool) [][]stackedPoint {
	var out [][]stackedPoint
	var cur []stackedPoint
	for i, p := range pts {
		if i > 0 && !spanNulls && p.t-pts[i-1].t > step*1.5 {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, p)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func reverse(s []stackedPoint) []stackedPoint {
	r := make([]stackedPoint, len(s))
	for i, p := range s {
		r[len(s)-1-i] = p
	}
	return r
}

func linePath(f plotFrame, seg []stackedPoint, stepAfter bool, val func(stackedPoint) float64) string {
	var b strings.Builder
	for i, p := range seg {
		x, y := clampX(f, f.x(p.t)), f.y(val(p))
		switch {
		case i == 0:
			fmt.Fprintf(&b, "M%.1f,%.1f", x, y)
		case stepAfter && seg[1].t > seg[0].t: // forwards: hold the previous value until this time
			fmt.Fprintf(&b, " L%.1f,%.1f L%.1f,%.1f", x, f.y(val(seg[i-1])), x, y)
		case stepAfter: // backwards (the fill's lower edge): mirror of the forward path
			fmt.Fprintf(&b, " L%.1f,%.1f L%.1f,%.1f", clampX(f, f.x(seg[i-1].t)), y, x, y)
		default:
			fmt.Fprintf(&b, " L%.1f,%.1f", x, y)
		}
	}
	return b.String()
}

func clampX(f plotFrame, x float64) float64 { return math.Max(f.left, math.Min(f.left+f.width, x)) }

func drawTimeAxis(b *strings.Builder, f plotFrame, v View) {
	ticks, layout := TimeTicks(v.From, v.To, f.width, 90, v.Loc)
	for _, t := range ticks {
		x := f.x(unix(t))
		fmt.Fprintf(b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s"/>`, x, x, f.top, f.top+f.height, gridLine)
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" class="tick" text-anchor="middle">%s</text>`, x, f.top+f.height+15, t.In(v.Loc).Format(layout))
	}
}

// drawEvents draws annotations: a dashed line per event (a shaded band for a region) and a
// marker under the axis, as Grafana does.
func drawEvents(b *strings.Builder, f plotFrame, events []AnnotationEvent, noMarkers bool) {
	sorted := append([]AnnotationEvent(nil), events...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Color < sorted[j].Color })
	for _, e := range sorted {
		if e.End < f.from || e.Start > f.to {
			continue
		}
		x1 := clampX(f, f.x(e.Start))
		title := html.EscapeString(e.Title)
		if e.End > e.Start {
			x2 := clampX(f, f.x(e.End))
			fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s</title></rect>`, x1, f.top, math.Max(1, x2-x1), f.height, WithAlpha(e.Color, 0.10), title)
		}
		fmt.Fprintf(b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s" stroke-dasharray="3 3"><title>%s</title></line>`, x1, x1, f.top, f.top+f.height, WithAlpha(e.Color, 0.55), title)
		if !noMarkers {
			fmt.Fprintf(b, `<path d="M%.1f,%.1f l-4,5 h8 Z" fill="%s"/>`, x1, f.top+f.height+0.5, e.Color)
		}
	}
}

// renderLegend draws the legend (list or table) below the plot and returns its height.
func renderLegend(d PanelData, v View) (string, float64) {
	opts := d.Panel.Options.Legend
	if opts == nil || opts.ShowLegend != nil && !*opts.ShowLegend || len(d.Fields) == 0 {
		return "", 0
	}
	var b strings.Builder
	maxH := math.Floor(v.H * 0.5) // Grafana scrolls a longer legend; a picture cannot
	if opts.DisplayMode == "table" {
		h := math.Min(maxH, 24+float64(len(d.Fields))*22)
		fmt.Fprintf(&b, `<div class="legend table" style="height:%.0fpx"><table><thead><tr><th>Name</th>`, h)
		for _, c := range opts.Calcs {
			fmt.Fprintf(&b, `<th>%s</th>`, CalcTitle(c))
		}
		b.WriteString(`</tr></thead><tbody>`)
		for _, fl := range d.Fields {
			fmt.Fprintf(&b, `<tr><td>%s%s</td>`, swatch(fl), html.EscapeString(fl.Name))
			for _, c := range opts.Calcs {
				val, _ := Reduce(fl.Series.Points, c)
				fmt.Fprintf(&b, `<td class="num">%s</td>`, html.EscapeString(FormatValue(val, fl.Config.Unit, fl.Config.Decimals)))
			}
			b.WriteString(`</tr>`)
		}
		b.WriteString(`</tbody></table></div>`)
		return b.String(), h
	}
	rows, lineW := 1.0, 0.0
	for _, fl := range d.Fields {
		w := 26 + textWidth(fl.Name, 12)
		if lineW > 0 && lineW+w > v.W {
			rows++
			lineW = 0
		}
		lineW += w
	}
	h := math.Min(maxH, 6+rows*19)
	fmt.Fprintf(&b, `<div class="legend list" style="height:%.0fpx">`, h)
	for _, fl := range d.Fields {
		fmt.Fprintf(&b, `<span>%s%s</span>`, swatch(fl), html.EscapeString(fl.Name))
	}
	b.WriteString(`</div>`)
	return b.String(), h
}

func swatch(fl Field) string {
	if d := fl.Config.Dashed(); d != nil {
		return fmt.Sprintf(`<i class="sw dashed" style="border-color:%s"></i>`, fl.Color)
	}
	if fl.Config.CustomString("drawStyle") == "points" {
		return fmt.Sprintf(`<i class="sw dot" style="background:%s"></i>`, fl.Color)
	}
	return fmt.Sprintf(`<i class="sw" style="background:%s"></i>`, fl.Color)
}
