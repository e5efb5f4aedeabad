package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// ChartMeta mirrors the fields of Helm's chart.Metadata that templates read as .Chart.X.
type ChartMeta struct {
	APIVersion  string   `yaml:"apiVersion"`
	Name        string   `yaml:"name"`
	Version     string   `yaml:"version"`
	AppVersion  string   `yaml:"appVersion"`
	Description string   `yaml:"description"`
	Type        string   `yaml:"type"`
	KubeVersion string   `yaml:"kubeVersion"`
	Home        string   `yaml:"home"`
	Icon        string   `yaml:"icon"`
	Keywords    []string `yaml:"keywords"`
	Sources     []string `yaml:"sources"`
	Deprecated  bool     `yaml:"deprecated"`
}

type template struct {
	name    string // "<chart>/templates/x.yaml", as Helm names it
	content string
}

type chart struct {
	meta      ChartMeta
	values    []byte
	schema    map[string]interface{}
	templates []template // sorted by name
	files     Files      // every other file, keyed by its slash path inside the chart
}

// loadChart reads a chart directory. Like Helm: Chart.yaml, values.yaml and values.schema.json are
// special, templates/ holds the templates, charts/ (subcharts) is not supported, and everything else
// is reachable through .Files. .helmignore patterns are honoured for .Files (simple globs only).
func loadChart(dir string) (*chart, error) {
	metaBytes, err := os.ReadFile(filepath.Join(dir, "Chart.yaml"))
	if err != nil {
		return nil, fmt.Errorf("no Chart.yaml in %s: %w", dir, err)
	}
	c := &chart{files: Files{}}
	if err := yaml.Unmarshal(metaBytes, &c.meta); err != nil {
		return nil, fmt.Errorf("Chart.yaml: %w", err)
	}
	if c.meta.Name == "" || c.meta.Version == "" {
		return nil, fmt.Errorf("Chart.yaml: name and version are required")
	}
	if c.values, err = os.ReadFile(filepath.Join(dir, "values.yaml")); err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	if schemaBytes, err := os.ReadFile(filepath.Join(dir, "values.schema.json")); err == nil {
		if err := json.Unmarshal(schemaBytes, &c.schema); err != nil {
			return nil, fmt.Errorf("values.schema.json: %w", err)
		}
	}
	ignore, err := readHelmignore(dir)
	if err != nil {
		return nil, err
	}

	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "charts" {
				return fmt.Errorf("subcharts (charts/) are not supported by chart-render")
			}
			return nil
		}
		switch {
		case rel == "Chart.yaml" || rel == "values.yaml" || rel == "values.schema.json" || rel == "Chart.lock":
			return nil
		case strings.HasPrefix(rel, "templates/"):
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			c.templates = append(c.templates, template{name: c.meta.Name + "/" + rel, content: string(b)})
		default:
			if ignored(ignore, rel) {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			c.files[rel] = b
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(c.templates, func(i, j int) bool { return c.templates[i].name < c.templates[j].name })
	return c, nil
}

func readHelmignore(dir string) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, ".helmignore"))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var patterns []string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "!") {
			return nil, fmt.Errorf(".helmignore: negated patterns are not supported by chart-render: %q", line)
		}
		patterns = append(patterns, line)
	}
	return patterns, nil
}

// ignored applies .helmignore patterns: a pattern with a trailing slash matches a directory prefix,
// a pattern without a slash matches any path element, otherwise the whole relative path.
func ignored(patterns []string, rel string) bool {
	parts := strings.Split(rel, "/")
	for _, p := range patterns {
		if strings.HasSuffix(p, "/") {
			dirName := strings.TrimSuffix(p, "/")
			for _, part := range parts[:len(parts)-1] {
				if ok, _ := filepath.Match(dirName, part); ok {
					return true
				}
			}
			continue
		}
		if !strings.Contains(p, "/") {
			for _, part := range parts {
				if ok, _ := filepath.Match(p, part); ok {
					return true
				}
			}
			continue
		}
		if ok, _ := filepath.Match(strings.TrimPrefix(p, "/"), rel); ok {
			return true
		}
	}
	return false
}
