package main

import (
	"strings"
	"testing"
	"time"
)

func TestComputeIntervals_ShortRange_ScrapeIntervalIsTheFloor(t *testing.T) {
	from := time.Unix(1_700_000_000, 0)
	iv, err := ComputeIntervals(from, from.Add(8*time.Minute), 700, "", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if iv.Interval != time.Second || iv.RateInterval != 4*time.Second || iv.Range != 8*time.Minute {
		t.Fatalf("got %+v, want interval 1s, rate interval 4s, range 8m", iv)
	}
}

func TestComputeIntervals_ThirtyDays_RoundedToAnHour(t *testing.T) {
	from := time.Unix(1_700_000_000, 0)
	iv, _ := ComputeIntervals(from, from.Add(30*24*time.Hour), 800, "", 30*time.Second)
	if iv.Interval != time.Hour || iv.RateInterval != time.Hour+30*time.Second {
		t.Fatalf("got %+v, want 1h and 1h30s", iv)
	}
}

func TestComputeIntervals_PanelMinInterval_WinsOverTheComputedOne(t *testing.T) {
	from := time.Unix(1_700_000_000, 0)
	iv, _ := ComputeIntervals(from, from.Add(8*time.Minute), 700, "1m", time.Second)
	if iv.Interval != time.Minute {
		t.Fatalf("got %s, want 1m", iv.Interval)
	}
	if _, err := ComputeIntervals(from, from.Add(time.Hour), 700, "soon", time.Second); err == nil {
		t.Fatal("a bad panel interval must be an error")
	}
}

func TestBuiltIns_Formats_AsGrafanaSendsThem(t *testing.T) {
	got := QueryIntervals{Interval: 500 * time.Millisecond, RateInterval: 90 * time.Second, Range: 481 * time.Second}.BuiltIns()
	want := map[string]string{"__interval": "500ms", "__interval_ms": "500", "__rate_interval": "1m30s", "__range": "481s", "__range_s": "481"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

func TestInterpolate_EveryReferenceForm_Replaced(t *testing.T) {
	values := map[string]string{"drill": ".+", "__interval": "1m", "__rate_interval": "4s", "__range": "480s"}
	got, err := Interpolate(`rate(x{drill=~"$drill"}[$__rate_interval]) + increase(y{d=~"${drill}"}[$__range]) + z offset [[__interval]]`, values)
	if err != nil {
		t.Fatal(err)
	}
	want := `rate(x{drill=~".+"}[4s]) + increase(y{d=~".+"}[480s]) + z offset 1m`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestInterpolate_UnknownVariable_IsAnError(t *testing.T) {
	_, err := Interpolate(`x{a="$nope"}`, map[string]string{})
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("got %v, want an error naming nope", err)
	}
}

func TestMultiValue_AllAndSeveral_AsGrafanaWritesThem(t *testing.T) {
	if got := MultiValue(nil, true, ".+", []string{"a", "b"}); got != ".+" {
		t.Errorf("All with allValue: %q", got)
	}
	if got := MultiValue(nil, true, "", []string{"a.b", "c"}); got != `(a\.b|c)` {
		t.Errorf("All without allValue: %q", got)
	}
	if got := MultiValue([]string{"reviews-failover"}, false, "", nil); got != "reviews-failover" {
		t.Errorf("one value: %q", got)
	}
}

func TestParseDuration_GrafanaForms(t *testing.T) {
	for in, want := range map[string]time.Duration{"1h": time.Hour, "1m30s": 90 * time.Second, "500ms": 500 * time.Millisecond, "7d": 7 * 24 * time.Hour, "15": 15 * time.Second} {
		if got, err := ParseDuration(in); err != nil || got != want {
			t.Errorf("%s: got %s %v, want %s", in, got, err, want)
		}
	}
}

func TestParseTime_RelativeUnixAndRFC3339(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	if got, _ := ParseTime("now-30d", now); !got.Equal(now.Add(-30 * 24 * time.Hour)) {
		t.Errorf("now-30d: %s", got)
	}
	if got, _ := ParseTime("1699999000", now); got.Unix() != 1_699_999_000 {
		t.Errorf("unix: %s", got)
	}
	if _, err := ParseTime("yesterday", now); err == nil {
		t.Error("a bad time must be an error")
	}
}
