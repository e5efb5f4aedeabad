package main

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Grafana's interval arithmetic for Prometheus queries (as its Prometheus data source does it):
//   interval = (to - from) / maxDataPoints, rounded to a "nice" duration, but never below the
//   minimum interval (the panel's "interval", else the data source's scrape interval);
//   $__rate_interval = max($__interval + scrape interval, 4 * scrape interval);
//   $__range = to - from in whole seconds.

// roundInterval rounds like Grafana's roundInterval (pkg/tsdb/intervalv2).
func roundInterval(d time.Duration) time.Duration {
	ms := d.Milliseconds()
	table := []struct {
		upTo int64
		to   time.Duration
	}{
		{10, time.Millisecond}, {15, 10 * time.Millisecond}, {35, 20 * time.Millisecond},
		{75, 50 * time.Millisecond}, {150, 100 * time.Millisecond}, {350, 200 * time.Millisecond},
		{750, 500 * time.Millisecond}, {1500, time.Second}, {3500, 2 * time.Second},
		{7500, 5 * time.Second}, {12500, 10 * time.Second}, {17500, 15 * time.Second},
		{25000, 20 * time.Second}, {45000, 30 * time.Second}, {90000, time.Minute},
		{210000, 2 * time.Minute}, {450000, 5 * time.Minute}, {750000, 10 * time.Minute},
		{1050000, 15 * time.Minute}, {1500000, 20 * time.Minute}, {2700000, 30 * time.Minute},
		{5400000, time.Hour}, {9000000, 2 * time.Hour}, {16200000, 3 * time.Hour},
		{24300000, 6 * time.Hour}, {64800000, 12 * time.Hour}, {129600000, 24 * time.Hour},
		{432000000, 7 * 24 * time.Hour}, {2592000000, 30 * 24 * time.Hour},
	}
	for _, row := range table {
		if ms <= row.upTo {
			return row.to
		}
	}
	return 365 * 24 * time.Hour
}

// QueryIntervals are the values Grafana substitutes for one panel's queries.
type QueryIntervals struct {
	Interval     time.Duration // $__interval, also the query_range step
	RateInterval time.Duration // $__rate_interval
	Range        time.Duration // $__range
}

// ComputeIntervals does Grafana's calculation for a panel maxDataPoints wide whose minimum
// interval is minInterval ("" = the data source's scrape interval).
func ComputeIntervals(from, to time.Time, maxDataPoints int, minInterval string, scrape time.Duration) (QueryIntervals, error) {
	if maxDataPoints <= 0 {
		maxDataPoints = 1500
	}
	lower := scrape
	if minInterval != "" {
		d, err := ParseDuration(minInterval)
		if err != nil {
			return QueryIntervals{}, fmt.Errorf("panel interval %q: %w", minInterval, err)
		}
		lower = d
	}
	span := to.Sub(from)
	interval := span / time.Duration(maxDataPoints)
	if interval < lower {
		interval = lower
	} else {
		interval = roundInterval(interval)
	}
	if safe := roundInterval(span / 11000); safe > interval {
		interval = safe
	}
	rate := interval + scrape
	if four := 4 * scrape; four > rate {
		rate = four
	}
	return QueryIntervals{Interval: interval, RateInterval: rate, Range: span.Round(time.Second)}, nil
}

var durationPart = regexp.MustCompile(`^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)`)

// ParseDuration reads Grafana/Prometheus durations: "1m", "30s", "500ms", "1h30m", "7d".
func ParseDuration(s string) (time.Duration, error) {
	rest := strings.TrimSpace(s)
	if rest == "" {
		return 0, fmt.Errorf("empty duration")
	}
	if n, err := strconv.ParseFloat(rest, 64); err == nil {
		return time.Duration(n * float64(time.Second)), nil
	}
	var total time.Duration
	for rest != "" {
		m := durationPart.FindStringSubmatch(rest)
		if m == nil {
			return 0, fmt.Errorf("bad duration %q", s)
		}
		n, _ := strconv.ParseFloat(m[1], 64)
		unit := map[string]time.Duration{"ms": time.Millisecond, "s": time.Second, "m": time.Minute, "h": time.Hour,
			"d": 24 * time.Hour, "w": 7 * 24 * time.Hour, "y": 365 * 24 * time.Hour}[m[2]]
		total += time.Duration(n * float64(unit))
		rest = rest[len(m[0]):]
	}
	return total, nil
}

// FormatDuration writes a duration as PromQL accepts it, largest units first: 1h, 1m30s, 500ms.
func FormatDuration(d time.Duration) string {
	if d <= 0 {
		return "0s"
	}
	if d < time.Second {
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	var b strings.Builder
	units := []struct {
		name string
		d    time.Duration
	}{{"d", 24 * time.Hour}, {"h", time.Hour}, {"m", time.Minute}, {"s", time.Second}, {"ms", time.Millisecond}}
	for _, u := range units {
		if n := d / u.d; n > 0 {
			fmt.Fprintf(&b, "%d%s", n, u.name)
			d -= n * u.d
		}
	}
	return b.String()
}

var variableRef = regexp.MustCompile(`\$(\w+)|\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]`)

// Interpolate replaces $name, ${name} and [[name]] with their values, as Grafana does before
// sending a query. An unknown variable is an error: a query Grafana could not run either.
func Interpolate(expr string, values map[string]string) (string, error) {
	var missing []string
	out := variableRef.ReplaceAllStringFunc(expr, func(ref string) string {
		m := variableRef.FindStringSubmatch(ref)
		name := m[1] + m[2] + m[3]
		if v, ok := values[name]; ok {
			return v
		}
		missing = append(missing, name)
		return ref
	})
	if len(missing) > 0 {
		return out, fmt.Errorf("unknown variable(s) %s in %q", strings.Join(missing, ", "), expr)
	}
	return out, nil
}

// BuiltIns are the interval variables of one panel.
func (q QueryIntervals) BuiltIns() map[string]string {
	return map[string]string{
		"__interval":      FormatDuration(q.Interval),
		"__interval_ms":   strconv.FormatInt(q.Interval.Milliseconds(), 10),
		"__rate_interval": FormatDuration(q.RateInterval),
		"__range":         strconv.FormatInt(int64(math.Round(q.Range.Seconds())), 10) + "s",
		"__range_s":       strconv.FormatInt(int64(math.Round(q.Range.Seconds())), 10),
		"__range_ms":      strconv.FormatInt(q.Range.Milliseconds(), 10),
	}
}

// MultiValue is what Grafana substitutes for a multi-value variable in PromQL: one value as is
// (regex-escaped), several as (a|b), "All" as the variable's allValue or every value joined.
func MultiValue(selected []string, all bool, allValue string, options []string) string {
	if all {
		if allValue != "" {
			return allValue
		}
		selected = options
	}
	escaped := make([]string, len(selected))
	for i, v := range selected {
		escaped[i] = regexp.QuoteMeta(v)
	}
	if len(escaped) == 1 {
		return escaped[0]
	}
	return "(" + strings.Join(escaped, "|") + ")"
}

// ParseTime reads "now", "now-15m", a Unix time in seconds, or RFC 3339.
func ParseTime(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "now":
		return now, nil
	case strings.HasPrefix(s, "now-"):
		d, err := ParseDuration(s[4:])
		return now.Add(-d), err
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return time.Unix(0, int64(f*1e9)), nil
	}
	return time.Parse(time.RFC3339, s)
}
