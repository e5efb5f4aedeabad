package main

import (
	"encoding/json"
	"math"
	"regexp"
	"sort"
	"strings"
)

// Field is one series as a panel draws it: its display name and its resolved field options
// (defaults, then the overrides whose matcher selects it).
type Field struct {
	Name   string
	Series Series
	Config FieldDefaults
	Color  string // resolved CSS colour for lines and swatches
}

var legendRef = regexp.MustCompile(`\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}`)

// DisplayName applies a legendFormat ({{label}}) like Grafana; without one, metric{labels}.
func DisplayName(legend string, labels map[string]string, expr string) string {
	if legend != "" && legend != "__auto" {
		return legendRef.ReplaceAllStringFunc(legend, func(ref string) string {
			return labels[legendRef.FindStringSubmatch(ref)[1]]
		})
	}
	var keys []string
	for k := range labels {
		if k != "__name__" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=\"" + labels[k] + "\""
	}
	name := labels["__name__"]
	if len(parts) > 0 {
		return name + "{" + strings.Join(parts, ", ") + "}"
	}
	if name == "" {
		return expr
	}
	return name
}

// ResolveConfig merges the panel defaults with the overrides matching the field's name.
func ResolveConfig(fc FieldConfig, name string) FieldDefaults {
	c := fc.Defaults
	custom := map[string]json.RawMessage{}
	for k, v := range fc.Defaults.Custom {
		custom[k] = v
	}
	c.Custom = custom
	for _, o := range fc.Overrides {
		var opt string
		_ = json.Unmarshal(o.Matcher.Options, &opt)
		matched := false
		switch o.Matcher.ID {
		case "byName":
			matched = opt == name
		case "byRegexp":
			if re, err := regexp.Compile("^(?:" + opt + ")$"); err == nil {
				matched = re.MatchString(name)
			}
		}
		if !matched {
			continue
		}
		for _, p := range o.Properties {
			switch {
			case p.ID == "color":
				var cc ColorConfig
				if json.Unmarshal(p.Value, &cc) == nil {
					c.Color = &cc
				}
			case p.ID == "unit":
				_ = json.Unmarshal(p.Value, &c.Unit)
			case p.ID == "decimals":
				var d int
				if json.Unmarshal(p.Value, &d) == nil {
					c.Decimals = &d
				}
			case p.ID == "displayName":
				_ = json.Unmarshal(p.Value, &c.DisplayName)
			case strings.HasPrefix(p.ID, "custom."):
				c.Custom[strings.TrimPrefix(p.ID, "custom.")] = p.Value
			}
		}
	}
	return c
}

// CustomString reads a custom option as a string ("" when absent).
func (c FieldDefaults) CustomString(key string) string {
	var s string
	_ = json.Unmarshal(c.Custom[key], &s)
	return s
}

// CustomFloat reads a custom option as a number.
func (c FieldDefaults) CustomFloat(key string, def float64) float64 {
	var f float64
	if raw, ok := c.Custom[key]; ok && json.Unmarshal(raw, &f) == nil {
		return f
	}
	return def
}

// CustomBool reads a custom option as a boolean.
func (c FieldDefaults) CustomBool(key string, def bool) bool {
	var b bool
	if raw, ok := c.Custom[key]; ok && json.Unmarshal(raw, &b) == nil {
		return b
	}
	return def
}

// StackingMode is custom.stacking.mode ("none" when absent).
func (c FieldDefaults) StackingMode() string {
	var st struct {
		Mode string `json:"mode"`
	}
	if raw, ok := c.Custom["stacking"]; ok && json.Unmarshal(raw, &st) == nil && st.Mode != "" {
		return st.Mode
	}
	return "none"
}

// Dashed is custom.lineStyle with fill "dash": the dash pattern, else nil.
func (c FieldDefaults) Dashed() []float64 {
	var ls struct {
		Fill string    `json:"fill"`
		Dash []float64 `json:"dash"`
	}
	if raw, ok := c.Custom["lineStyle"]; ok && json.Unmarshal(raw, &ls) == nil && ls.Fill == "dash" {
		if len(ls.Dash) == 0 {
			return []float64{10, 10}
		}
		return ls.Dash
	}
	return nil
}

// Reduce computes a legend or stat calculation over the non-null values.
func Reduce(points []Point, calc string) (float64, bool) {
	var vals []float64
	for _, p := range points {
		if !math.IsNaN(p.V) && !math.IsInf(p.V, 0) {
			vals = append(vals, p.V)
		}
	}
	if len(vals) == 0 {
		return math.NaN(), false
	}
	switch calc {
	case "max":
		m := vals[0]
		for _, v := range vals {
			m = math.Max(m, v)
		}
		return m, true
	case "min":
		m := vals[0]
		for _, v := range vals {
			m = math.Min(m, v)
		}
		return m, true
	case "mean":
		s := 0.0
		for _, v := range vals {
			s += v
		}
		return s / float64(len(vals)), true
	case "sum":
		s := 0.0
		for _, v := range vals {
			s += v
		}
		return s, true
	case "first", "firstNotNull":
		return vals[0], true
	default: // last, lastNotNull
		return vals[len(vals)-1], true
	}
}

// CalcTitle is the legend table header Grafana shows for a calculation.
func CalcTitle(calc string) string {
	switch calc {
	case "lastNotNull":
		return "Last *"
	case "last":
		return "Last"
	case "max":
		return "Max"
	case "min":
		return "Min"
	case "mean":
		return "Mean"
	case "sum":
		return "Total"
	}
	return calc
}

// MappedValue applies value and range mappings: the text and colour for v, if one matches.
func MappedValue(mappings []Mapping, v float64) (text, color string, ok bool) {
	for _, m := range mappings {
		switch m.Type {
		case "value":
			var opts map[string]struct {
				Text  string `json:"text"`
				Color string `json:"color"`
			}
			if json.Unmarshal(m.Options, &opts) != nil {
				continue
			}
			key := fmtFloat(v)
			if r, found := opts[key]; found {
				return r.Text, r.Color, true
			}
		case "range":
			var opts struct {
				From   *float64 `json:"from"`
				To     *float64 `json:"to"`
				Result struct {
					Text  string `json:"text"`
					Color string `json:"color"`
				} `json:"result"`
			}
			if json.Unmarshal(m.Options, &opts) != nil {
				continue
			}
			if (opts.From == nil || v >= *opts.From) && (opts.To == nil || v <= *opts.To) {
				return opts.Result.Text, opts.Result.Color, true
			}
		}
	}
	return "", "", false
}

// ThresholdColor is the colour of the highest step whose value v reaches.
func ThresholdColor(t *Thresholds, v float64) string {
	if t == nil || len(t.Steps) == 0 {
		return "green"
	}
	color := t.Steps[0].Color
	for _, s := range t.Steps[1:] {
		if s.Value != nil && v >= *s.Value {
			color = s.Color
		}
	}
	return color
}

func sortStrings(s []string) { sort.Strings(s) }
