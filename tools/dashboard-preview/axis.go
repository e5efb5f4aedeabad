package main

import (
	"math"
	"time"
)

// NiceTicks returns about `count` round tick values covering [lo, hi] and the rounded range;
// with decimals set, no step finer than they can show (decimals 0: whole numbers).
func NiceTicks(lo, hi float64, count int, decimals *int) (ticks []float64, min, max float64) {
	if count < 2 {
		count = 2
	}
	if hi <= lo {
		if hi == 0 {
			hi = 1
		} else {
			lo, hi = lo-math.Abs(lo)*0.1, hi+math.Abs(hi)*0.1
		}
	}
	raw := (hi - lo) / float64(count)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if decimals != nil {
		step = math.Max(step, math.Pow(10, -float64(*decimals)))
	}
	min = math.Floor(lo/step) * step
	max = math.Ceil(hi/step) * step
	for v := min; v <= max+step/2; v += step {
		ticks = append(ticks, math.Round(v/step)*step)
	}
	return ticks, min, max
}

var timeSteps = []time.Duration{
	time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second, 15 * time.Second, 30 * time.Second,
	time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute,
	time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour,
	2 * 24 * time.Hour, 7 * 24 * time.Hour, 14 * 24 * time.Hour, 30 * 24 * time.Hour,
}

// TimeTicks picks round times between from and to at least minPx apart on a widthPx axis, and
// the layout to print them with (seconds only when the step is below a minute).
func TimeTicks(from, to time.Time, widthPx, minPx float64, loc *time.Location) ([]time.Time, string) {
	span := to.Sub(from)
	step := timeSteps[len(timeSteps)-1]
	for _, s := range timeSteps {
		if float64(s)/float64(span)*widthPx >= minPx {
			step = s
			break
		}
	}
	layout := "15:04"
	switch {
	case step < time.Minute:
		layout = "15:04:05"
	case step >= 24*time.Hour:
		layout = "01/02"
	case span > 24*time.Hour:
		layout = "01/02 15:04"
	}
	_, offset := from.In(loc).Zone()
	off := time.Duration(offset) * time.Second
	first := from.Add(off).Truncate(step).Add(-off)
	if first.Before(from) {
		first = first.Add(step)
	}
	var ticks []time.Time
	for t := first; !t.After(to); t = t.Add(step) {
		ticks = append(ticks, t)
	}
	return ticks, layout
}

// textWidth estimates the width in px of text in the page's sans-serif font at size px.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ' || r == '.' || r == ',' || r == ':' || r == 'i' || r == 'l' || r == '|':
			w += 0.3
		case r >= 'A' && r <= 'Z' || r == 'm' || r == 'w' || r == '%':
			w += 0.72
		default:
			w += 0.56
		}
	}
	return w * size
}
