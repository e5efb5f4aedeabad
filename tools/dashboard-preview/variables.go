package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"
)

var labelValuesQuery = regexp.MustCompile(`^\s*label_values\(\s*(?:(.+?)\s*,\s*)?(\w+)\s*\)\s*$`)

// ResolveVariables gives every dashboard variable its PromQL value and its shown text. selected
// maps a variable name to the values picked on the command line; otherwise the dashboard's
// current selection applies (typically "All").
func ResolveVariables(d *Dashboard, prom *Prometheus, from, to time.Time, selected map[string][]string) (map[string]string, []VariableView, error) {
	values := map[string]string{}
	var views []VariableView
	for _, v := range d.Templating.List {
		label := v.Label
		if label == "" {
			label = v.Name
		}
		switch v.Type {
		case "datasource":
			values[v.Name] = "prometheus"
			views = append(views, VariableView{label, "Prometheus"})
		case "constant", "textbox":
			var q string
			_ = json.Unmarshal(v.Query, &q)
			values[v.Name] = q
		case "custom", "query":
			options, err := variableOptions(v, prom, from, to, values)
			if err != nil {
				return nil, nil, fmt.Errorf("variable %s: %w", v.Name, err)
			}
			picked, all := selected[v.Name], false
			if len(picked) == 0 {
				picked, all = currentSelection(v)
			}
			if len(picked) == 1 && picked[0] == "All" && v.IncludeAll {
				all = true
			}
			if all && !v.IncludeAll {
				all, picked = false, options[:min(1, len(options))]
			}
			values[v.Name] = MultiValue(picked, all, v.AllValue, options)
			text := strings.Join(picked, " + ")
			if all {
				text = "All"
			}
			if v.Hide != 2 {
				views = append(views, VariableView{label, text})
			}
		default:
			return nil, nil, fmt.Errorf("variable %s: type %q is not supported by this preview", v.Name, v.Type)
		}
	}
	return values, views, nil
}

func variableOptions(v Variable, prom *Prometheus, from, to time.Time, values map[string]string) ([]string, error) {
	var text string
	if err := json.Unmarshal(v.Query, &text); err != nil {
		var obj struct {
			Query string `json:"query"`
		}
		if err := json.Unmarshal(v.Query, &obj); err != nil {
			return nil, fmt.Errorf("unreadable query")
		}
		text = obj.Query
	}
	if v.Type == "custom" {
		var out []string
		for _, o := range strings.Split(text, ",") {
			out = append(out, strings.TrimSpace(o))
		}
		return out, nil
	}
	text, err := Interpolate(text, values)
	if err != nil {
		return nil, err
	}
	m := labelValuesQuery.FindStringSubmatch(text)
	if m == nil {
		return nil, fmt.Errorf("only label_values(...) queries are supported, not %q", text)
	}
	selector := m[1]
	if selector == "" {
		selector = `{__name__=~".+"}`
	}
	options, err := prom.LabelValues(m[2], selector, from, to)
	if err != nil {
		return nil, err
	}
	if v.Regex != "" {
		re, err := regexp.Compile(v.Regex)
		if err != nil {
			return nil, fmt.Errorf("regex: %w", err)
		}
		var kept []string
		for _, o := range options {
			if re.MatchString(o) {
				kept = append(kept, o)
			}
		}
		options = kept
	}
	return options, nil
}

// currentSelection reads the saved "current" of a variable: "$__all" means All.
func currentSelection(v Variable) ([]string, bool) {
	var one string
	var many []string
	if json.Unmarshal(v.Current.Value, &one) == nil {
		many = []string{one}
	} else {
		_ = json.Unmarshal(v.Current.Value, &many)
	}
	for _, s := range many {
		if s == "$__all" {
			return nil, true
		}
	}
	if len(many) == 0 {
		return nil, v.IncludeAll
	}
	return many, false
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}
