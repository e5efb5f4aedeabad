package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// loadValues merges, as Helm does: the chart's values.yaml, then each -f file in order, then each
// --set. Maps merge deeply, anything else is replaced, and a null in an overlay deletes the key.
func loadValues(c *chart, files []string, sets []string) (map[string]interface{}, error) {
	values, err := parseValues(c.values, "values.yaml")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		overlay, err := parseValues(b, f)
		if err != nil {
			return nil, err
		}
		values = merge(values, overlay)
	}
	for _, s := range sets {
		overlay, err := parseSet(s)
		if err != nil {
			return nil, err
		}
		values = merge(values, overlay)
	}
	return values, nil
}

func parseValues(b []byte, name string) (map[string]interface{}, error) {
	var raw interface{}
	if err := yaml.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if raw == nil {
		return map[string]interface{}{}, nil
	}
	m, ok := normalize(raw).(map[string]interface{})
	if !ok {
		return nil, fmt.Errorf("%s: the top level must be a map", name)
	}
	return m, nil
}

// normalize gives values the types Helm's loader gives them (it goes through JSON): every number
// becomes float64, maps become map[string]interface{}. Charts that forget `int` fail here as in Helm.
func normalize(v interface{}) interface{} {
	switch t := v.(type) {
	case map[string]interface{}:
		for k, e := range t {
			t[k] = normalize(e)
		}
		return t
	case map[interface{}]interface{}:
		m := make(map[string]interface{}, len(t))
		for k, e := range t {
			m[fmt.Sprint(k)] = normalize(e)
		}
		return m
	case []interface{}:
		for i, e := range t {
			t[i] = normalize(e)
		}
		return t
	case int:
		return float64(t)
	case int64:
		return float64(t)
	case uint64:
		return float64(t)
	default:
		return v
	}
}

func merge(base, overlay map[string]interface{}) map[string]interface{} {
	out := make(map[string]interface{}, len(base))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range overlay {
		if v == nil {
			delete(out, k)
			continue
		}
		bm, bok := out[k].(map[string]interface{})
		om, ook := v.(map[string]interface{})
		if bok && ook {
			out[k] = merge(bm, om)
		} else {
			out[k] = v
		}
	}
	return out
}

// parseSet reads "a.b=c,d=e" (Helm's --set): values true/false/null and integers are typed, lists
// are {x,y}; `\,` and `\.` escape. List indexes (a[0]) are not supported.
func parseSet(s string) (map[string]interface{}, error) {
	out := map[string]interface{}{}
	for _, assignment := range splitUnescaped(s, ',', true) {
		eq := strings.IndexByte(assignment, '=')
		if eq <= 0 {
			return nil, fmt.Errorf("--set %q: expected key=value", assignment)
		}
		key, raw := assignment[:eq], assignment[eq+1:]
		if strings.ContainsAny(key, "[]") {
			return nil, fmt.Errorf("--set %q: list indexes are not supported by chart-render", key)
		}
		var value interface{}
		if strings.HasPrefix(raw, "{") && strings.HasSuffix(raw, "}") {
			items := []interface{}{}
			if inner := raw[1 : len(raw)-1]; inner != "" {
				for _, item := range strings.Split(inner, ";") {
					items = append(items, typed(item))
				}
			}
			value = items
		} else {
			value = typed(unescape(raw))
		}
		path := splitUnescaped(key, '.', false)
		node := out
		for i, part := range path {
			part = unescape(part)
			if i == len(path)-1 {
				node[part] = value
				break
			}
			next, ok := node[part].(map[string]interface{})
			if !ok {
				next = map[string]interface{}{}
				node[part] = next
			}
			node = next
		}
	}
	return out, nil
}

// splitUnescaped splits at sep unless escaped with a backslash; with braces, a sep inside {…} is kept
// (and turned into ';' so lists survive the outer split).
func splitUnescaped(s string, sep byte, braces bool) []string {
	var parts []string
	var cur strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			cur.WriteByte(c)
			cur.WriteByte(s[i+1])
			i++
		case braces && c == '{':
			depth++
			cur.WriteByte(c)
		case braces && c == '}':
			depth--
			cur.WriteByte(c)
		case c == sep && depth > 0:
			cur.WriteByte(';')
		case c == sep:
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return append(parts, cur.String())
}

func unescape(s string) string {
	return strings.NewReplacer(`\,`, ",", `\.`, ".", `\=`, "=", `\\`, `\`).Replace(s)
}

func typed(s string) interface{} {
	switch s {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	}
	if i, err := strconv.ParseInt(s, 10, 64); err == nil && (s == "0" || !strings.HasPrefix(s, "0")) {
		return i
	}
	return s
}
