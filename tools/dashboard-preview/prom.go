package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Prometheus is a small client of Prometheus' HTTP API (/api/v1/query, query_range, label values).
type Prometheus struct {
	Base   string
	Client *http.Client
}

// Point is one sample: Unix seconds and a value (NaN for Prometheus' NaN).
type Point struct {
	T float64
	V float64
}

// Series is one result series with its labels (__name__ included when Prometheus kept it).
type Series struct {
	Labels map[string]string
	Points []Point
}

type apiResponse struct {
	Status    string          `json:"status"`
	ErrorType string          `json:"errorType"`
	Error     string          `json:"error"`
	Data      json.RawMessage `json:"data"`
}

func (p *Prometheus) get(path string, params url.Values) (json.RawMessage, error) {
	client := p.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	resp, err := client.Get(strings.TrimRight(p.Base, "/") + path + "?" + params.Encode())
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var r apiResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, fmt.Errorf("%s: HTTP %d, not a Prometheus answer: %.200s", path, resp.StatusCode, body)
	}
	if r.Status != "success" {
		return nil, fmt.Errorf("%s: %s: %s", path, r.ErrorType, r.Error)
	}
	return r.Data, nil
}

// QueryRange runs a range query; the start and end are aligned to the step as Grafana does.
func (p *Prometheus) QueryRange(expr string, from, to time.Time, step time.Duration) ([]Series, error) {
	s := step.Seconds()
	start := math.Floor(float64(from.UnixNano())/1e9/s) * s
	end := math.Ceil(float64(to.UnixNano())/1e9/s) * s
	data, err := p.get("/api/v1/query_range", url.Values{
		"query": {expr}, "start": {fmtFloat(start)}, "end": {fmtFloat(end)}, "step": {fmtFloat(s)},
	})
	if err != nil {
		return nil, err
	}
	return parseResult(data)
}

// Query runs an instant query at t.
func (p *Prometheus) Query(expr string, t time.Time) ([]Series, error) {
	data, err := p.get("/api/v1/query", url.Values{"query": {expr}, "time": {fmtFloat(float64(t.UnixNano()) / 1e9)}})
	if err != nil {
		return nil, err
	}
	return parseResult(data)
}

// LabelValues lists the values of label among the series matching selector within [from, to].
func (p *Prometheus) LabelValues(label, selector string, from, to time.Time) ([]string, error) {
	client := p.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	q := url.Values{"match[]": {selector}, "start": {strconv.FormatInt(from.Unix(), 10)}, "end": {strconv.FormatInt(to.Unix(), 10)}}
	resp, err := client.Get(strings.TrimRight(p.Base, "/") + "/api/v1/label/" + url.PathEscape(label) + "/values?" + q.Encode())
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var r struct {
		Status string   `json:"status"`
		Error  string   `json:"error"`
		Data   []string `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return nil, err
	}
	if r.Status != "success" {
		return nil, fmt.Errorf("label values of %s: %s", label, r.Error)
	}
	sort.Strings(r.Data)
	return r.Data, nil
}

// BuildInfo returns Prometheus' version (for the page footer).
func (p *Prometheus) BuildInfo() string {
	data, err := p.get("/api/v1/status/buildinfo", url.Values{})
	if err != nil {
		return "unknown version"
	}
	var info struct {
		Version string `json:"version"`
	}
	_ = json.Unmarshal(data, &info)
	return info.Version
}

func parseResult(data json.RawMessage) ([]Series, error) {
	var r struct {
		ResultType string          `json:"resultType"`
		Result     json.RawMessage `json:"result"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, err
	}
	switch r.ResultType {
	case "matrix":
		var items []struct {
			Metric map[string]string `json:"metric"`
			Values [][2]interface{}  `json:"values"`
		}
		if err := json.Unmarshal(r.Result, &items); err != nil {
			return nil, err
		}
		out := make([]Series, 0, len(items))
		for _, it := range items {
			s := Series{Labels: it.Metric}
			for _, v := range it.Values {
				s.Points = append(s.Points, samplePoint(v))
			}
			out = append(out, s)
		}
		return out, nil
	case "vector":
		var items []struct {
			Metric map[string]string `json:"metric"`
			Value  [2]interface{}    `json:"value"`
		}
		if err := json.Unmarshal(r.Result, &items); err != nil {
			return nil, err
		}
		out := make([]Series, 0, len(items))
		for _, it := range items {
			out = append(out, Series{Labels: it.Metric, Points: []Point{samplePoint(it.Value)}})
		}
		return out, nil
	case "scalar":
		var v [2]interface{}
		if err := json.Unmarshal(r.Result, &v); err != nil {
			return nil, err
		}
		return []Series{{Labels: map[string]string{}, Points: []Point{samplePoint(v)}}}, nil
	}
	return nil, fmt.Errorf("unsupported result type %q", r.ResultType)
}

func samplePoint(v [2]interface{}) Point {
	t, _ := v[0].(float64)
	s, _ := v[1].(string)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		f = math.NaN()
	}
	return Point{T: t, V: f}
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
