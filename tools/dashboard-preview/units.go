package main

import (
	"math"
	"strconv"
	"strings"
)

// FormatValue writes v in a Grafana unit ("s", "ms", "percentunit", "percent", "reqps", "bytes",
// "short"/"none"/"") with the given decimals (nil = automatic, as few as the value needs).
func FormatValue(v float64, unit string, decimals *int) string {
	if math.IsNaN(v) {
		return "No data"
	}
	switch unit {
	case "s":
		return seconds(v, decimals)
	case "ms":
		return seconds(v/1000, decimals)
	case "percentunit":
		return num(v*100, decimals) + "%"
	case "percent":
		return num(v, decimals) + "%"
	case "reqps":
		return short(v, decimals) + " req/s"
	case "bytes":
		return scaled(v, decimals, 1024, []string{" B", " KiB", " MiB", " GiB", " TiB"})
	}
	return short(v, decimals)
}

func seconds(v float64, decimals *int) string {
	a := math.Abs(v)
	switch {
	case a == 0:
		return "0 s"
	case a < 1:
		return num(v*1000, decimals) + " ms"
	case a < 60:
		return num(v, decimals) + " s"
	case a < 3600:
		return num(v/60, decimals) + " min"
	case a < 86400:
		return num(v/3600, decimals) + " hour"
	case a < 7*86400:
		return num(v/86400, decimals) + " day"
	case a < 365*86400:
		return num(v/(7*86400), decimals) + " week"
	}
	return num(v/(365*86400), decimals) + " year"
}

func short(v float64, decimals *int) string {
	if math.Abs(v) < 1000 {
		return num(v, decimals)
	}
	return scaled(v, decimals, 1000, []string{"", " K", " Mil", " Bil", " Tri"})
}

func scaled(v float64, decimals *int, base float64, suffixes []string) string {
	i := 0
	for math.Abs(v) >= base && i < len(suffixes)-1 {
		v /= base
		i++
	}
	return num(v, decimals) + suffixes[i]
}

// num writes v with fixed decimals, or automatically with about three significant digits.
func num(v float64, decimals *int) string {
	if decimals != nil {
		return strconv.FormatFloat(v, 'f', *decimals, 64)
	}
	a := math.Abs(v)
	d := 0
	switch {
	case a == 0 || a >= 100:
		d = 0
	case a >= 10:
		d = 1
	case a >= 1:
		d = 2
	default:
		d = 3
	}
	s := strconv.FormatFloat(v, 'f', d, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}
