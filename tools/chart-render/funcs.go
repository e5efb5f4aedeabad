package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	ttemplate "text/template"

	"github.com/Masterminds/sprig"
	"gopkg.in/yaml.v3"
)

// maxIncludeDepth stops runaway recursion through include, as Helm does.
const maxIncludeDepth = 1000

// funcMap is sprig's text functions plus Helm's additions. include and tpl need the parsed
// template set, so they close over a pointer that is filled in once everything is parsed.
func funcMap(set **ttemplate.Template) ttemplate.FuncMap {
	f := sprig.TxtFuncMap()
	// Helm removes these: a chart must render the same on every machine.
	delete(f, "env")
	delete(f, "expandenv")

	depth := 0
	f["include"] = func(name string, data interface{}) (string, error) {
		if depth >= maxIncludeDepth {
			return "", fmt.Errorf("rendering template has a nested reference name: %s: unable to execute template", name)
		}
		t := (*set).Lookup(name)
		if t == nil {
			return "", fmt.Errorf("no template %q associated with template %q", name, (*set).Name())
		}
		depth++
		defer func() { depth-- }()
		var sb strings.Builder
		if err := t.Execute(&sb, data); err != nil {
			return "", err
		}
		return sb.String(), nil
	}
	f["tpl"] = func(text string, data interface{}) (string, error) {
		clone, err := (*set).Clone()
		if err != nil {
			return "", err
		}
		t, err := clone.New("tpl").Parse(text)
		if err != nil {
			return "", fmt.Errorf("cannot parse template %q: %w", text, err)
		}
		var sb strings.Builder
		if err := t.Execute(&sb, data); err != nil {
			return "", fmt.Errorf("error during tpl function execution for %q: %w", text, err)
		}
		return strings.ReplaceAll(sb.String(), "<no value>", ""), nil
	}
	f["required"] = func(message string, v interface{}) (interface{}, error) {
		if v == nil {
			return v, errors.New(message)
		}
		if s, ok := v.(string); ok && s == "" {
			return v, errors.New(message)
		}
		return v, nil
	}
	f["fail"] = func(message string) (string, error) { return "", errors.New(message) }
	f["toYaml"] = func(v interface{}) string {
		s, err := marshalYAML(v)
		if err != nil {
			return ""
		}
		return s
	}
	f["fromYaml"] = func(s string) map[string]interface{} {
		var m map[string]interface{}
		if err := yaml.Unmarshal([]byte(s), &m); err != nil {
			return map[string]interface{}{"Error": err.Error()}
		}
		if m == nil {
			m = map[string]interface{}{}
		}
		return normalize(m).(map[string]interface{})
	}
	f["fromYamlArray"] = func(s string) []interface{} {
		var a []interface{}
		if err := yaml.Unmarshal([]byte(s), &a); err != nil {
			return []interface{}{err.Error()}
		}
		return normalize(a).([]interface{})
	}
	f["toJson"] = func(v interface{}) string {
		b, err := json.Marshal(v)
		if err != nil {
			return ""
		}
		return string(b)
	}
	f["fromJson"] = func(s string) map[string]interface{} {
		m := map[string]interface{}{}
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			m["Error"] = err.Error()
		}
		return m
	}
	f["fromJsonArray"] = func(s string) []interface{} {
		var a []interface{}
		if err := json.Unmarshal([]byte(s), &a); err != nil {
			return []interface{}{err.Error()}
		}
		return a
	}
	// No cluster to look things up in: like `helm template`, lookup finds nothing.
	f["lookup"] = func(apiVersion, kind, namespace, name string) (map[string]interface{}, error) {
		return map[string]interface{}{}, nil
	}
	return f
}
