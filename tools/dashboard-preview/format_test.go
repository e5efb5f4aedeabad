package main

import (
	"math"
	"testing"
)

func TestFormatValue_Units(t *testing.T) {
	one := 1
	zero := 0
	cases := []struct {
		v        float64
		unit     string
		decimals *int
		want     string
	}{
		{1.34, "s", nil, "1.34 s"},
		{0.25, "s", nil, "250 ms"},
		{42, "s", &one, "42.0 s"},
		{125, "s", &one, "2.1 min"},
		{691200, "s", nil, "1.14 week"},
		{0.953, "percentunit", nil, "95.3%"},
		{10.26, "reqps", nil, "10.3 req/s"},
		{157286400, "bytes", nil, "150 MiB"},
		{3, "", &zero, "3"},
		{math.NaN(), "s", nil, "No data"},
	}
	for _, c := range cases {
		if got := FormatValue(c.v, c.unit, c.decimals); got != c.want {
			t.Errorf("FormatValue(%v, %q) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}

func TestDisplayName_LegendFormatAndDefault(t *testing.T) {
	labels := map[string]string{"__name__": "drillbot_drill_runs_total", "drill": "reviews-failover", "verdict": "passed"}
	if got := DisplayName("{{drill}} {{ verdict }}", labels, "x"); got != "reviews-failover passed" {
		t.Errorf("legend: %q", got)
	}
	if got := DisplayName("", labels, "x"); got != `drillbot_drill_runs_total{drill="reviews-failover", verdict="passed"}` {
		t.Errorf("default: %q", got)
	}
	if got := DisplayName("", map[string]string{}, "sum(x)"); got != "sum(x)" {
		t.Errorf("no labels: %q", got)
	}
}

func TestResolveConfig_RegexpOverride_AppliesToMatchingNamesOnly(t *testing.T) {
	var fc FieldConfig
	mustJSON(t, `{"defaults":{"unit":"s","custom":{"drawStyle":"points"}},"overrides":[{"matcher":{"id":"byRegexp","options":".* threshold"},
		"properties":[{"id":"custom.drawStyle","value":"line"},{"id":"color","value":{"mode":"fixed","fixedColor":"red"}}]}]}`, &fc)
	th := ResolveConfig(fc, "reviews-failover threshold")
	pt := ResolveConfig(fc, "reviews-failover recovery")
	if th.CustomString("drawStyle") != "line" || th.Color == nil || th.Color.FixedColor != "red" {
		t.Errorf("threshold: %+v", th)
	}
	if pt.CustomString("drawStyle") != "points" || pt.Color != nil || pt.Unit != "s" {
		t.Errorf("recovery: %+v", pt)
	}
	if fc.Defaults.Custom["drawStyle"] == nil || string(fc.Defaults.Custom["drawStyle"]) != `"points"` {
		t.Error("an override must not change the panel defaults")
	}
}

func TestMappedValueAndThresholds(t *testing.T) {
	var d FieldDefaults
	mustJSON(t, `{"mappings":[{"type":"value","options":{"1":{"text":"PASSED","color":"green"},"0":{"text":"NOT PASSED","color":"red"}}}],
		"thresholds":{"mode":"absolute","steps":[{"color":"green","value":null},{"color":"orange","value":604800},{"color":"red","value":691200}]}}`, &d)
	if text, color, ok := MappedValue(d.Mappings, 0); !ok || text != "NOT PASSED" || color != "red" {
		t.Errorf("mapping 0: %q %q %v", text, color, ok)
	}
	if _, _, ok := MappedValue(d.Mappings, 0.5); ok {
		t.Error("0.5 has no mapping")
	}
	for v, want := range map[float64]string{10: "green", 604800: "orange", 700000: "red"} {
		if got := ThresholdColor(d.Thresholds, v); got != want {
			t.Errorf("threshold colour of %v = %s, want %s", v, got, want)
		}
	}
}
