package main

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// shownValue is one reduced value of a stat or bar gauge, with its text and colour.
type shownValue struct {
	Name  string
	Value float64
	Text  string
	Color string
}

func reduceFields(d PanelData) []shownValue {
	calc := "lastNotNull"
	if r := d.Panel.Options.ReduceOptions; r != nil && len(r.Calcs) > 0 {
		calc = r.Calcs[0]
	}
	var out []shownValue
	for _, fl := range d.Fields {
		v, ok := Reduce(fl.Series.Points, calc)
		if !ok {
			continue
		}
		text := FormatValue(v, fl.Config.Unit, fl.Config.Decimals)
		color := CSSColor(ThresholdColor(fl.Config.Thresholds, v))
		if mt, mc, found := MappedValue(fl.Config.Mappings, v); found {
			if mt != "" {
				text = mt
			}
			if mc != "" {
				color = CSSColor(mc)
			}
		}
		if fl.Config.Color != nil && fl.Config.Color.Mode == "fixed" {
			color = fl.Color
		}
		out = append(out, shownValue{Name: fl.Name, Value: v, Text: text, Color: color})
	}
	return out
}

// RenderStat draws a "stat" panel: one big value per series, coloured by thresholds or value
// mappings, as the value's colour or the tile's background.
func RenderStat(d PanelData, v View) string {
	values := reduceFields(d)
	if len(values) == 0 {
		return noData()
	}
	o := d.Panel.Options
	horizontal := o.Orientation == "horizontal" || o.Orientation == "" && v.W < v.H
	showName := o.TextMode == "value_and_name" || (o.TextMode == "" || o.TextMode == "auto") && len(values) > 1
	if o.TextMode == "value" {
		showName = false
	}
	n := float64(len(values))
	gap := 6.0
	itemW, itemH := v.W, (v.H-gap*(n-1))/n
	if !horizontal {
		itemW, itemH = (v.W-gap*(n-1))/n, v.H
	}
	var b strings.Builder
	dir := "column"
	if !horizontal {
		dir = "row"
	}
	fmt.Fprintf(&b, `<div class="stat" style="flex-direction:%s;gap:%.0fpx">`, dir, gap)
	for _, sv := range values {
		valueSize := math.Min(itemH*0.62, 44)
		nameSize := math.Min(math.Max(12, itemH*0.3), 16)
		if showName && horizontal {
			// name left, value right: the value must leave room for the name
			valueSize = math.Min(valueSize, (itemW*0.5)/math.Max(1, float64(len(sv.Text)))*1.6)
		} else {
			valueSize = math.Min(valueSize, itemW/math.Max(1, float64(len(sv.Text)))*1.5)
			if showName {
				valueSize = math.Min(valueSize, itemH*0.45)
			}
		}
		style := fmt.Sprintf("width:%.0fpx;height:%.0fpx", itemW, itemH)
		textColor := sv.Color
		if o.ColorMode == "background" {
			style += fmt.Sprintf(";background:linear-gradient(120deg, %s, %s)", WithAlpha(sv.Color, 0.88), sv.Color)
			textColor = "#ffffff"
		} else if o.ColorMode == "none" {
			textColor = textPrimary
		}
		layout := "stacked"
		if showName && horizontal {
			layout = "inline"
		}
		fmt.Fprintf(&b, `<div class="stat-item %s" style="%s">`, layout, style)
		if showName {
			fmt.Fprintf(&b, `<div class="stat-name" style="font-size:%.0fpx;color:%s">%s</div>`, nameSize, statNameColor(o.ColorMode), html.EscapeString(sv.Name))
		}
		fmt.Fprintf(&b, `<div class="stat-value" style="font-size:%.0fpx;color:%s">%s</div></div>`, valueSize, textColor, html.EscapeString(sv.Text))
	}
	b.WriteString(`</div>`)
	return b.String()
}

func statNameColor(mode string) string {
	if mode == "background" {
		return "rgba(255,255,255,0.92)"
	}
	return textPrimary
}

// RenderBarGauge draws a "bargauge" panel (horizontal): one bar per series from the minimum to
// the largest value, coloured by the field colour mode (a continuous scheme or thresholds).
func RenderBarGauge(d PanelData, v View) string {
	values := reduceFields(d)
	if len(values) == 0 {
		return noData()
	}
	cfg := d.Panel.FieldConfig.Defaults
	lo, hi := 0.0, math.Inf(-1)
	for _, sv := range values {
		hi = math.Max(hi, sv.Value)
		lo = math.Min(lo, sv.Value)
	}
	if cfg.Min != nil {
		lo = *cfg.Min
	}
	if cfg.Max != nil {
		hi = *cfg.Max
	}
	if hi <= lo {
		hi = lo + 1
	}
	mode := ""
	if cfg.Color != nil {
		mode = cfg.Color.Mode
	}
	n := float64(len(values))
	rowH := math.Min(48, v.H/n)
	var b strings.Builder
	b.WriteString(`<div class="bargauge">`)
	for _, sv := range values {
		frac := (sv.Value - lo) / (hi - lo)
		color := sv.Color
		start := sv.Color
		if strings.HasPrefix(mode, "continuous-") {
			color = ContinuousColor(mode, frac)
			start = ContinuousColor(mode, 0)
		}
		fmt.Fprintf(&b, `<div class="bg-row" style="height:%.0fpx"><div class="bg-name">%s</div><div class="bg-line"><div class="bg-track"><div class="bg-bar" style="width:%.1f%%;background:linear-gradient(90deg, %s, %s)"></div></div><div class="bg-value" style="color:%s">%s</div></div></div>`,
			rowH, html.EscapeString(sv.Name), math.Max(0.5, frac*100), WithAlpha(start, 0.9), color, color, html.EscapeString(sv.Text))
	}
	b.WriteString(`</div>`)
	return b.String()
}

func noData() string { return `<div class="nodata">No data</div>` }
