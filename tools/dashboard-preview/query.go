package main

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// PanelData is what a panel's queries returned, ready to draw.
type PanelData struct {
	Panel     Panel
	Fields    []Field
	Intervals QueryIntervals
	Queries   []string // the PromQL actually sent, variables substituted
	Errors    []string
}

// Environment is the dashboard-wide query context.
type Environment struct {
	Prom      *Prometheus
	From, To  time.Time
	Scrape    time.Duration     // the data source's scrape interval (Grafana's "Scrape interval" setting)
	Variables map[string]string // dashboard variables, already in their PromQL form
}

// isInstant tells whether Grafana runs the target as an instant query.
func isInstant(t Target) bool {
	if t.Instant && (t.Range == nil || !*t.Range) {
		return true
	}
	return false
}

// RunPanel interpolates and runs every query of a panel whose body is widthPx pixels wide.
func (env *Environment) RunPanel(p Panel, widthPx int) PanelData {
	data := PanelData{Panel: p}
	maxPoints := widthPx
	if p.MaxDataPoints > 0 {
		maxPoints = p.MaxDataPoints
	}
	intervals, err := ComputeIntervals(env.From, env.To, maxPoints, p.Interval, env.Scrape)
	if err != nil {
		data.Errors = append(data.Errors, err.Error())
		return data
	}
	data.Intervals = intervals
	values := intervals.BuiltIns()
	for k, v := range env.Variables {
		values[k] = v
	}
	palette := 0
	for _, t := range p.Targets {
		if t.Hide || t.Expr == "" {
			continue
		}
		expr, err := Interpolate(t.Expr, values)
		if err != nil {
			data.Errors = append(data.Errors, t.RefID+": "+err.Error())
			continue
		}
		data.Queries = append(data.Queries, expr)
		var series []Series
		if isInstant(t) {
			series, err = env.Prom.Query(expr, env.To)
		} else {
			series, err = env.Prom.QueryRange(expr, env.From, env.To, intervals.Interval)
		}
		if err != nil {
			data.Errors = append(data.Errors, fmt.Sprintf("%s: %v", t.RefID, err))
			continue
		}
		sort.SliceStable(series, func(i, j int) bool {
			return DisplayName(t.LegendFormat, series[i].Labels, expr) < DisplayName(t.LegendFormat, series[j].Labels, expr)
		})
		for _, s := range series {
			if !hasValue(s) {
				continue
			}
			name := DisplayName(t.LegendFormat, s.Labels, expr)
			cfg := ResolveConfig(p.FieldConfig, name)
			if cfg.DisplayName != "" {
				name = cfg.DisplayName
			}
			color := classicPalette[palette%len(classicPalette)]
			palette++
			if cfg.Color != nil && cfg.Color.Mode == "fixed" {
				color = CSSColor(cfg.Color.FixedColor)
			}
			data.Fields = append(data.Fields, Field{Name: name, Series: s, Config: cfg, Color: color})
		}
	}
	return data
}

func hasValue(s Series) bool {
	for _, p := range s.Points {
		if !math.IsNaN(p.V) {
			return true
		}
	}
	return false
}

// AnnotationEvent is one annotation: a time, or a region when End > Start.
type AnnotationEvent struct {
	Start, End float64
	Title      string
	Color      string
}

// RunAnnotations evaluates the enabled annotation queries like Grafana's Prometheus data source:
// every non-zero sample is an event at its time (or at its value, with useValueForTime, in ms);
// events of one series less than a step apart merge into a region.
func (env *Environment) RunAnnotations(list []Annotation) ([]AnnotationEvent, []string) {
	var events []AnnotationEvent
	var problems []string
	values := map[string]string{}
	for k, v := range env.Variables {
		values[k] = v
	}
	for _, a := range list {
		if !a.Enable || a.Expr == "" {
			continue
		}
		step := 60 * time.Second
		if a.Step != "" {
			if d, err := ParseDuration(a.Step); err == nil {
				step = d
			}
		}
		iv := QueryIntervals{Interval: step, RateInterval: step + env.Scrape, Range: env.To.Sub(env.From)}
		for k, v := range iv.BuiltIns() {
			values[k] = v
		}
		expr, err := Interpolate(a.Expr, values)
		if err != nil {
			problems = append(problems, fmt.Sprintf("annotation %q: %v", a.Name, err))
			continue
		}
		series, err := env.Prom.QueryRange(expr, env.From, env.To, step)
		if err != nil {
			problems = append(problems, fmt.Sprintf("annotation %q: %v", a.Name, err))
			continue
		}
		for _, s := range series {
			var open *AnnotationEvent
			for _, p := range s.Points {
				if math.IsNaN(p.V) || p.V <= 0 && !a.UseValueForTime {
					continue
				}
				t := p.T
				if a.UseValueForTime {
					t = math.Floor(p.V) / 1000
				}
				if open != nil && open.End+step.Seconds() >= t {
					if t > open.End {
						open.End = t
					}
					continue
				}
				if open != nil {
					events = append(events, *open)
				}
				title := a.Name
				if a.TitleFormat != "" {
					title = DisplayName(a.TitleFormat, s.Labels, a.Name)
				}
				open = &AnnotationEvent{Start: t, End: t, Title: title, Color: CSSColor(a.IconColor)}
			}
			if open != nil {
				events = append(events, *open)
			}
		}
	}
	return events, problems
}
