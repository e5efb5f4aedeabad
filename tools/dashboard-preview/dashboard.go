package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// Dashboard is the part of a Grafana dashboard JSON (schemaVersion 39) the preview reads.
type Dashboard struct {
	Title    string `json:"title"`
	UID      string `json:"uid"`
	Timezone string `json:"timezone"`
	Time     struct {
		From string `json:"from"`
		To   string `json:"to"`
	} `json:"time"`
	Templating struct {
		List []Variable `json:"list"`
	} `json:"templating"`
	Annotations struct {
		List []Annotation `json:"list"`
	} `json:"annotations"`
	Panels []Panel `json:"panels"`
}

// Variable is a dashboard variable ($datasource, $drill).
type Variable struct {
	Name       string          `json:"name"`
	Label      string          `json:"label"`
	Type       string          `json:"type"`
	Query      json.RawMessage `json:"query"`
	Multi      bool            `json:"multi"`
	IncludeAll bool            `json:"includeAll"`
	AllValue   string          `json:"allValue"`
	Regex      string          `json:"regex"`
	Hide       int             `json:"hide"`
	Current    struct {
		Text  json.RawMessage `json:"text"`
		Value json.RawMessage `json:"value"`
	} `json:"current"`
}

// Annotation is an annotation query (the built-in Grafana one has no expr and is skipped).
type Annotation struct {
	Name            string `json:"name"`
	Enable          bool   `json:"enable"`
	Hide            bool   `json:"hide"`
	IconColor       string `json:"iconColor"`
	Expr            string `json:"expr"`
	Step            string `json:"step"`
	TitleFormat     string `json:"titleFormat"`
	TextFormat      string `json:"textFormat"`
	UseValueForTime bool   `json:"useValueForTime"`
}

// GridPos is a panel's place on Grafana's 24-column grid (h in rows of 30 px).
type GridPos struct {
	H int `json:"h"`
	W int `json:"w"`
	X int `json:"x"`
	Y int `json:"y"`
}

// Panel is one panel (or row).
type Panel struct {
	Type          string       `json:"type"`
	ID            int          `json:"id"`
	Title         string       `json:"title"`
	Description   string       `json:"description"`
	GridPos       GridPos      `json:"gridPos"`
	Targets       []Target     `json:"targets"`
	FieldConfig   FieldConfig  `json:"fieldConfig"`
	Options       PanelOptions `json:"options"`
	Interval      string       `json:"interval"`
	MaxDataPoints int          `json:"maxDataPoints"`
	Collapsed     bool         `json:"collapsed"`
	Panels        []Panel      `json:"panels"`
}

// Target is one query of a panel.
type Target struct {
	RefID        string `json:"refId"`
	Expr         string `json:"expr"`
	LegendFormat string `json:"legendFormat"`
	Range        *bool  `json:"range"`
	Instant      bool   `json:"instant"`
	Interval     string `json:"interval"`
	Hide         bool   `json:"hide"`
}

// FieldConfig holds a panel's defaults and overrides.
type FieldConfig struct {
	Defaults  FieldDefaults `json:"defaults"`
	Overrides []Override    `json:"overrides"`
}

// FieldDefaults are the standard field options plus the panel-specific "custom" ones.
type FieldDefaults struct {
	Unit        string                     `json:"unit"`
	Decimals    *int                       `json:"decimals"`
	Min         *float64                   `json:"min"`
	Max         *float64                   `json:"max"`
	DisplayName string                     `json:"displayName"`
	Color       *ColorConfig               `json:"color"`
	Thresholds  *Thresholds                `json:"thresholds"`
	Mappings    []Mapping                  `json:"mappings"`
	Custom      map[string]json.RawMessage `json:"custom"`
}

// ColorConfig is fieldConfig.defaults.color.
type ColorConfig struct {
	Mode       string `json:"mode"`
	FixedColor string `json:"fixedColor"`
}

// Thresholds is fieldConfig.defaults.thresholds (absolute mode only).
type Thresholds struct {
	Mode  string          `json:"mode"`
	Steps []ThresholdStep `json:"steps"`
}

// ThresholdStep is one step; the first has a null value (the base colour).
type ThresholdStep struct {
	Color string   `json:"color"`
	Value *float64 `json:"value"`
}

// Mapping is a value mapping (type "value" or "range").
type Mapping struct {
	Type    string          `json:"type"`
	Options json.RawMessage `json:"options"`
}

// Override changes field properties of the series a matcher selects.
type Override struct {
	Matcher struct {
		ID      string          `json:"id"`
		Options json.RawMessage `json:"options"`
	} `json:"matcher"`
	Properties []struct {
		ID    string          `json:"id"`
		Value json.RawMessage `json:"value"`
	} `json:"properties"`
}

// PanelOptions covers the options of the panel types the preview draws.
type PanelOptions struct {
	Legend *struct {
		ShowLegend  *bool    `json:"showLegend"`
		DisplayMode string   `json:"displayMode"`
		Placement   string   `json:"placement"`
		Calcs       []string `json:"calcs"`
	} `json:"legend"`
	ReduceOptions *struct {
		Calcs []string `json:"calcs"`
	} `json:"reduceOptions"`
	ColorMode   string  `json:"colorMode"`
	GraphMode   string  `json:"graphMode"`
	TextMode    string  `json:"textMode"`
	Orientation string  `json:"orientation"`
	DisplayMode string  `json:"displayMode"`
	ShowValue   string  `json:"showValue"`
	MergeValues *bool   `json:"mergeValues"`
	RowHeight   float64 `json:"rowHeight"`
}

// LoadDashboard reads and parses a dashboard file.
func LoadDashboard(path string) (*Dashboard, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d Dashboard
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &d, nil
}

// VisiblePanels lists what Grafana shows on load: every top-level panel; the panels inside a
// collapsed row stay hidden (only the row's title shows), as in Grafana.
func (d *Dashboard) VisiblePanels() []Panel {
	return append([]Panel(nil), d.Panels...)
}
