// Command dashboard-preview renders a Grafana dashboard JSON as a static HTML page from a real
// Prometheus: every panel's PromQL is sent to Prometheus' HTTP API with the dashboard variables
// substituted the way Grafana substitutes them, and the answers are drawn (time series, stat,
// bar gauge, state timeline, table) on Grafana's grid, in Grafana's dark theme. It is not
// Grafana: it exists so that a machine without Grafana can still show what the dashboard shows.
package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"
)

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, " ") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

func main() {
	os.Exit(run(os.Args[1:], time.Now()))
}

func run(args []string, now time.Time) int {
	if len(args) > 0 && args[0] == "crop-png" {
		// crop-png IN OUT: cut the uniform background rows below a screenshot's content
		if len(args) != 3 {
			fmt.Fprintln(os.Stderr, "usage: dashboard-preview crop-png IN.png OUT.png")
			return 2
		}
		if err := cropPNG(args[1], args[2], 24); err != nil {
			fmt.Fprintln(os.Stderr, "dashboard-preview:", err)
			return 1
		}
		return 0
	}
	fs := flag.NewFlagSet("dashboard-preview", flag.ContinueOnError)
	dashboardPath := fs.String("dashboard", "charts/drillbot/dashboards/drillbot.json", "the Grafana dashboard JSON")
	promURL := fs.String("prometheus", "", "Prometheus base URL, e.g. http://127.0.0.1:9090 (required)")
	fromFlag := fs.String("from", "", "start of the time range: now-15m, Unix seconds or RFC 3339 (default: the dashboard's)")
	toFlag := fs.String("to", "", "end of the time range (default: the dashboard's)")
	scrape := fs.Duration("scrape-interval", 15*time.Second, "the data source's scrape interval, as set in Grafana (lower bound of $__interval)")
	width := fs.Int("width", 1600, "page width in px")
	tz := fs.String("tz", "UTC", "time zone of the axes (an IANA name)")
	out := fs.String("out", "dashboard.html", "where to write the HTML page")
	requireData := fs.Bool("require-data", false, "exit 1 when a panel shows no data or a query fails")
	var vars multiFlag
	fs.Var(&vars, "var", "name=value[,value...]: select variable values (default: the dashboard's current selection); repeatable")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *promURL == "" {
		fmt.Fprintln(os.Stderr, "dashboard-preview: -prometheus is required")
		return 2
	}
	d, err := LoadDashboard(*dashboardPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dashboard-preview:", err)
		return 2
	}
	loc, err := time.LoadLocation(*tz)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dashboard-preview: -tz:", err)
		return 2
	}
	from, to, err := timeRange(d, *fromFlag, *toFlag, now)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dashboard-preview:", err)
		return 2
	}
	selected := map[string][]string{}
	for _, v := range vars {
		name, value, ok := strings.Cut(v, "=")
		if !ok {
			fmt.Fprintf(os.Stderr, "dashboard-preview: -var %q: expected name=value\n", v)
			return 2
		}
		selected[name] = strings.Split(value, ",")
	}
	prom := &Prometheus{Base: *promURL, Client: &http.Client{Timeout: 30 * time.Second}}
	values, views, err := ResolveVariables(d, prom, from, to, selected)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dashboard-preview:", err)
		return 1
	}
	env := &Environment{Prom: prom, From: from, To: to, Scrape: *scrape, Variables: values}
	page := &Page{Dashboard: d, Width: float64(*width), From: from, To: to, Loc: loc, Variables: views}
	page.Layout()
	events, problems := env.RunAnnotations(d.Annotations.List)
	page.Events = events
	failed := len(problems) > 0
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "dashboard-preview:", p)
	}
	for _, panel := range d.VisiblePanels() {
		if panel.Type == "row" {
			page.Panels = append(page.Panels, PanelData{Panel: panel})
			continue
		}
		bw, _ := page.BodySize(panel.GridPos)
		data := env.RunPanel(panel, int(bw))
		page.Panels = append(page.Panels, data)
		status := "ok   "
		if len(data.Fields) == 0 || len(data.Errors) > 0 {
			status, failed = "EMPTY", true
		}
		fmt.Printf("%s %-34q %2d series  $__interval=%s\n", status, panel.Title, len(data.Fields), FormatDuration(data.Intervals.Interval))
		for _, e := range data.Errors {
			fmt.Printf("      error: %s\n", e)
		}
		if status != "ok   " {
			for _, q := range data.Queries {
				fmt.Printf("      query: %s\n", q)
			}
		}
	}
	fmt.Printf("annotations: %d events\n", len(events))
	page.Source = fmt.Sprintf("Rendered by tools/dashboard-preview (not Grafana) from %s, every query run against Prometheus %s at %s; %s to %s %s; scrape interval %s.",
		*dashboardPath, prom.BuildInfo(), *promURL, from.In(loc).Format("2006-01-02 15:04:05"), to.In(loc).Format("15:04:05"), loc, *scrape)
	if err := os.WriteFile(*out, []byte(page.HTML()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "dashboard-preview:", err)
		return 1
	}
	fmt.Printf("page %dx%d written to %s\n", *width, page.Height(), *out)
	if failed && *requireData {
		fmt.Fprintln(os.Stderr, "dashboard-preview: some panels show no data (see above)")
		return 1
	}
	return 0
}

func timeRange(d *Dashboard, fromFlag, toFlag string, now time.Time) (time.Time, time.Time, error) {
	if fromFlag == "" {
		fromFlag = d.Time.From
	}
	if toFlag == "" {
		toFlag = d.Time.To
	}
	from, err := ParseTime(fromFlag, now)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("-from %q: %w", fromFlag, err)
	}
	to, err := ParseTime(toFlag, now)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("-to %q: %w", toFlag, err)
	}
	if !to.After(from) {
		return time.Time{}, time.Time{}, fmt.Errorf("the time range %s to %s is empty", from, to)
	}
	return from, to, nil
}
