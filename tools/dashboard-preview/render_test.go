package main

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func mustJSON(t *testing.T, text string, v interface{}) {
	t.Helper()
	if err := json.Unmarshal([]byte(text), v); err != nil {
		t.Fatal(err)
	}
}

// fakePrometheus answers query_range and query with one series per drill for queries that
// name a metric it knows, and records every query it was sent.
type fakePrometheus struct {
	mu      sync.Mutex
	queries []string
	steps   []string
	known   string
}

func (f *fakePrometheus) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	q := r.Form.Get("query")
	f.mu.Lock()
	f.queries = append(f.queries, q)
	f.steps = append(f.steps, r.Form.Get("step"))
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch {
	case strings.HasPrefix(r.URL.Path, "/api/v1/label/drill/values"):
		fmt.Fprint(w, `{"status":"success","data":["reviews-failover","reviews-distribution"]}`)
	case strings.Contains(q, "syntax error"):
		w.WriteHeader(400)
		fmt.Fprint(w, `{"status":"error","errorType":"bad_data","error":"parse error"}`)
	case r.URL.Path == "/api/v1/query_range" && strings.Contains(q, f.known):
		fmt.Fprint(w, `{"status":"success","data":{"resultType":"matrix","result":[
			{"metric":{"drill":"reviews-failover"},"values":[[1700000000,"1"],[1700000060,"0"],[1700000120,"1"]]},
			{"metric":{"drill":"reviews-distribution"},"values":[[1700000000,"1"],[1700000060,"1"]]}]}}`)
	case r.URL.Path == "/api/v1/query" && strings.Contains(q, f.known):
		fmt.Fprint(w, `{"status":"success","data":{"resultType":"vector","result":[{"metric":{"drill":"reviews-failover"},"value":[1700000120,"0"]}]}}`)
	case strings.HasPrefix(r.URL.Path, "/api/v1/"):
		fmt.Fprint(w, `{"status":"success","data":{"resultType":"matrix","result":[]}}`)
	default:
		w.WriteHeader(404)
	}
}

const testDashboard = `{"title":"T","time":{"from":"now-6h","to":"now"},
 "templating":{"list":[{"name":"datasource","type":"datasource","query":"prometheus"},
   {"name":"drill","type":"query","query":{"query":"label_values(known_metric, drill)"},"multi":true,"includeAll":true,"allValue":".+","current":{"text":"All","value":"$__all"}}]},
 "annotations":{"list":[]},
 "panels":[
  {"type":"row","id":1,"title":"Row","gridPos":{"h":1,"w":24,"x":0,"y":0}},
  {"type":"timeseries","id":2,"title":"Series","interval":"1m","gridPos":{"h":8,"w":12,"x":0,"y":1},
   "targets":[{"refId":"A","expr":"sum by (drill) (increase(known_metric{drill=~\"$drill\"}[$__interval]))","legendFormat":"{{drill}}"}],
   "options":{"legend":{"showLegend":true,"displayMode":"table","calcs":["lastNotNull","max"]}}},
  {"type":"stat","id":3,"title":"Stat","gridPos":{"h":5,"w":6,"x":12,"y":1},
   "targets":[{"refId":"A","expr":"known_metric{drill=~\"$drill\"}","legendFormat":"{{drill}}","instant":true,"range":false}],
   "fieldConfig":{"defaults":{"mappings":[{"type":"value","options":{"0":{"text":"NOT PASSED","color":"red"}}}]}},
   "options":{"colorMode":"background","textMode":"value_and_name"}},
  {"type":"state-timeline","id":4,"title":"States","gridPos":{"h":6,"w":6,"x":18,"y":1},
   "targets":[{"refId":"A","expr":"known_metric{drill=~\"$drill\"}","legendFormat":"{{drill}}"}]},
  {"type":"bargauge","id":5,"title":"Empty","gridPos":{"h":6,"w":12,"x":0,"y":9},
   "targets":[{"refId":"A","expr":"other_metric","instant":true,"range":false}]}
 ]}`

func startFake(t *testing.T) (*fakePrometheus, string, string) {
	t.Helper()
	fake := &fakePrometheus{known: "known_metric"}
	server := httptest.NewServer(fake)
	t.Cleanup(server.Close)
	dir := t.TempDir()
	path := filepath.Join(dir, "dashboard.json")
	if err := os.WriteFile(path, []byte(testDashboard), 0o644); err != nil {
		t.Fatal(err)
	}
	return fake, server.URL, path
}

func TestRun_FakePrometheus_SendsInterpolatedQueriesAndDrawsEveryPanelType(t *testing.T) {
	fake, url, path := startFake(t)
	out := filepath.Join(t.TempDir(), "page.html")

	code := run([]string{"-dashboard", path, "-prometheus", url, "-from", "1699999800", "-to", "1700000280", "-scrape-interval", "1s", "-out", out}, time.Unix(1_700_000_300, 0))

	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	page, _ := os.ReadFile(out)
	html := string(page)
	for _, want := range []string{
		`sum by (drill) (increase(known_metric{drill=~".+"}[1m]))`, // $drill = allValue, $__interval = the panel's 1m
	} {
		if !contains(fake.queries, want) {
			t.Errorf("no query %s among %q", want, fake.queries)
		}
	}
	if !contains(fake.steps, "60") {
		t.Errorf("the range query must use the panel's minimum interval as step: %q", fake.steps)
	}
	for _, want := range []string{"<svg", "reviews-failover", "NOT PASSED", "Last *", "No data", `class="row"`} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(html, "<script") || strings.Contains(html, "http://") && strings.Contains(html, "src=\"http") {
		t.Error("the page must be self-contained")
	}
}

func TestRun_RequireData_EmptyPanelFailsTheRun(t *testing.T) {
	_, url, path := startFake(t)
	out := filepath.Join(t.TempDir(), "page.html")

	code := run([]string{"-dashboard", path, "-prometheus", url, "-from", "1699999800", "-to", "1700000280", "-out", out, "-require-data"}, time.Now())

	if code != 1 {
		t.Fatalf("exit %d, want 1: the bar gauge has no data", code)
	}
}

func TestRun_BadArguments_ExitTwo(t *testing.T) {
	_, url, path := startFake(t)
	for _, args := range [][]string{
		{"-dashboard", path},
		{"-dashboard", "/nonexistent.json", "-prometheus", url},
		{"-dashboard", path, "-prometheus", url, "-from", "now", "-to", "now-1h"},
		{"-dashboard", path, "-prometheus", url, "-var", "drill"},
	} {
		if code := run(args, time.Now()); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

func TestRunAnnotations_ConsecutiveStepsMerge_UseValueForTimeTakesTheValue(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		if strings.Contains(r.Form.Get("query"), "by_value") {
			fmt.Fprint(w, `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"drill":"a"},"values":[[1700000060,"1700000010000"],[1700000120,"1700000010000"],[1700000180,"1700000150000"]]}]}}`)
			return
		}
		fmt.Fprint(w, `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"drill":"a"},"values":[[1700000060,"1"],[1700000120,"1"],[1700000300,"1"]]}]}}`)
	}))
	defer server.Close()
	env := &Environment{Prom: &Prometheus{Base: server.URL}, From: time.Unix(1_700_000_000, 0), To: time.Unix(1_700_000_400, 0), Scrape: time.Second}

	events, problems := env.RunAnnotations([]Annotation{
		{Name: "steps", Enable: true, Expr: "x", Step: "1m", TitleFormat: "{{drill}}", IconColor: "red"},
		{Name: "values", Enable: true, Expr: "by_value", Step: "1m", UseValueForTime: true, IconColor: "blue"},
	})

	if len(problems) > 0 {
		t.Fatal(problems)
	}
	got := fmt.Sprint(events)
	want := fmt.Sprint([]AnnotationEvent{
		{Start: 1700000060, End: 1700000120, Title: "a", Color: "#F2495C"},
		{Start: 1700000300, End: 1700000300, Title: "a", Color: "#F2495C"},
		{Start: 1700000010, End: 1700000010, Title: "values", Color: "#5794F2"},
		{Start: 1700000150, End: 1700000150, Title: "values", Color: "#5794F2"},
	})
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestCropPNG_UniformRowsBelowContent_CutToMargin(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 10, 200))
	bg := color.RGBA{17, 18, 23, 255}
	for y := 0; y < 200; y++ {
		for x := 0; x < 10; x++ {
			img.Set(x, y, bg)
		}
	}
	img.Set(5, 49, color.RGBA{255, 0, 0, 255})
	in, out := filepath.Join(dir, "in.png"), filepath.Join(dir, "out.png")
	f, _ := os.Create(in)
	_ = png.Encode(f, img)
	f.Close()

	if err := cropPNG(in, out, 24); err != nil {
		t.Fatal(err)
	}

	g, _ := os.Open(out)
	defer g.Close()
	cropped, err := png.Decode(g)
	if err != nil {
		t.Fatal(err)
	}
	if h := cropped.Bounds().Dy(); h != 50+24 {
		t.Fatalf("height %d, want 74 (content to row 49, then 24 px)", h)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestRenderTimeSeries_BytesAxis_RoundBinaryTicksAndClippedData(t *testing.T) {
	from := time.Unix(1_700_000_000, 0)
	var panel Panel
	mustJSON(t, `{"type":"timeseries","id":22,"title":"Memory","fieldConfig":{"defaults":{"unit":"bytes"}}}`, &panel)
	series := Series{Labels: map[string]string{"instance": "a"}, Points: []Point{{T: 1_700_000_000, V: 150 << 20}, {T: 1_700_000_060, V: 290 << 20}}}
	data := PanelData{Panel: panel, Intervals: QueryIntervals{Interval: time.Minute},
		Fields: []Field{{Name: "a", Series: series, Config: ResolveConfig(panel.FieldConfig, "a"), Color: "#73BF69"}}}

	svg := RenderTimeSeries(data, View{From: from, To: from.Add(2 * time.Minute), Loc: time.UTC, W: 400, H: 200})

	for _, want := range []string{">100 MiB<", ">200 MiB<", `clip-path="url(#clip-22)"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("no %s in the panel", want)
		}
	}
	if strings.Contains(svg, "95.4 MiB") {
		t.Error("byte ticks must be round in MiB, not in decimal units")
	}
}
