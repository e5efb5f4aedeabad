package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Grafana's dark theme.
const (
	canvasBg      = "#111217"
	panelBg       = "#181b1f"
	panelBorder   = "rgba(204, 204, 220, 0.12)"
	textPrimary   = "#ccccdc"
	textSecondary = "rgba(204, 204, 220, 0.65)"
	gridLine      = "rgba(204, 204, 220, 0.10)"
)

// classicPalette is Grafana's "palette-classic", in order.
var classicPalette = []string{
	"#73BF69", "#F2CC0C", "#8AB8FF", "#FF780A", "#F2495C", "#5794F2", "#B877D9", "#705DA0",
	"#37872D", "#FADE2A", "#447EBC", "#C15C17", "#890F02", "#0A437C", "#6D1F62", "#584477",
}

// namedColors are the names Grafana accepts in dashboards (dark theme shades).
var namedColors = map[string]string{
	"green": "#73BF69", "semi-dark-green": "#56A64B", "dark-green": "#37872D", "light-green": "#96D98D",
	"red": "#F2495C", "semi-dark-red": "#E02F44", "dark-red": "#C4162A", "light-red": "#FF7383",
	"blue": "#5794F2", "semi-dark-blue": "#3274D9", "dark-blue": "#1F60C4", "light-blue": "#8AB8FF",
	"orange": "#FF9830", "semi-dark-orange": "#FF780A", "dark-orange": "#FA6400", "light-orange": "#FFB357",
	"yellow": "#FADE2A", "semi-dark-yellow": "#F2CC0C", "dark-yellow": "#E0B400", "light-yellow": "#FFEE52",
	"purple": "#B877D9", "semi-dark-purple": "#A352CC", "dark-purple": "#8F3BB8", "light-purple": "#CA95E5",
	"text": textPrimary, "transparent": "transparent",
}

// CSSColor turns a Grafana colour (a name, #hex or rgba()) into CSS.
func CSSColor(c string) string {
	if v, ok := namedColors[strings.ToLower(c)]; ok {
		return v
	}
	if c == "" {
		return textPrimary
	}
	return c
}

// rgb parses #rrggbb.
func rgb(hex string) (float64, float64, float64) {
	hex = strings.TrimPrefix(hex, "#")
	if len(hex) != 6 {
		return 204, 204, 220
	}
	v, _ := strconv.ParseUint(hex, 16, 32)
	return float64(v >> 16 & 255), float64(v >> 8 & 255), float64(v & 255)
}

// WithAlpha gives a #rrggbb colour an opacity.
func WithAlpha(hex string, a float64) string {
	r, g, b := rgb(CSSColor(hex))
	return fmt.Sprintf("rgba(%d, %d, %d, %.2f)", int(r), int(g), int(b), a)
}

// continuousSchemes are Grafana's "continuous-*" colour modes (from min to max).
var continuousSchemes = map[string][]string{
	"continuous-GrYlRd": {"#73BF69", "#FADE2A", "#F2495C"},
	"continuous-RdYlGr": {"#F2495C", "#FADE2A", "#73BF69"},
	"continuous-BlYlRd": {"#5794F2", "#FADE2A", "#F2495C"},
	"continuous-YlRd":   {"#FADE2A", "#F2495C"},
	"continuous-BlPu":   {"#5794F2", "#B877D9"},
	"continuous-YlBl":   {"#FADE2A", "#5794F2"},
	"continuous-greens": {"#C8F2C2", "#37872D"},
	"continuous-blues":  {"#C0D8FF", "#1F60C4"},
	"continuous-reds":   {"#FFA6B0", "#C4162A"},
}

// ContinuousColor picks the colour at position f (0..1) of a continuous scheme.
func ContinuousColor(mode string, f float64) string {
	stops := continuousSchemes[mode]
	if len(stops) == 0 {
		return namedColors["green"]
	}
	f = math.Max(0, math.Min(1, f))
	pos := f * float64(len(stops)-1)
	i := int(math.Floor(pos))
	if i >= len(stops)-1 {
		return stops[len(stops)-1]
	}
	t := pos - float64(i)
	r1, g1, b1 := rgb(stops[i])
	r2, g2, b2 := rgb(stops[i+1])
	return fmt.Sprintf("#%02X%02X%02X", int(r1+(r2-r1)*t), int(g1+(g2-g1)*t), int(b1+(b2-b1)*t))
}
