package main

import (
	"encoding/base64"
	"path"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Files is .Files: the chart's non-template files, with Helm's accessors.
type Files map[string][]byte

// Get returns a file's content as a string, or "" when it does not exist (as Helm does).
func (f Files) Get(name string) string { return string(f[name]) }

// GetBytes returns a file's content.
func (f Files) GetBytes(name string) []byte { return f[name] }

// Lines returns a file's lines.
func (f Files) Lines(name string) []string {
	if f[name] == nil {
		return []string{}
	}
	return strings.Split(strings.TrimRight(string(f[name]), "\n"), "\n")
}

// Glob returns the files whose path matches a pattern; `*` stays within a path element, `**`
// crosses them, `?` is one character, `{a,b}` alternatives.
func (f Files) Glob(pattern string) Files {
	re := globToRegexp(pattern)
	out := Files{}
	for name, content := range f {
		if re.MatchString(name) {
			out[name] = content
		}
	}
	return out
}

// AsConfig renders the files as a ConfigMap data block (base name: content), as YAML.
func (f Files) AsConfig() string {
	return f.asMap(func(b []byte) string { return string(b) })
}

// AsSecrets renders the files as a Secret data block (base name: base64 content), as YAML.
func (f Files) AsSecrets() string {
	return f.asMap(func(b []byte) string { return base64.StdEncoding.EncodeToString(b) })
}

func (f Files) asMap(encode func([]byte) string) string {
	if len(f) == 0 {
		return ""
	}
	m := map[string]string{}
	names := make([]string, 0, len(f))
	for name := range f {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		m[path.Base(name)] = encode(f[name])
	}
	s, err := marshalYAML(m)
	if err != nil {
		return ""
	}
	return s
}

func globToRegexp(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '*' && i+1 < len(pattern) && pattern[i+1] == '*':
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '{':
			b.WriteString("(")
		case c == '}':
			b.WriteString(")")
		case c == ',':
			b.WriteString("|")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// marshalYAML is toYaml: two-space indentation, no trailing newline.
func marshalYAML(v interface{}) (string, error) {
	var sb strings.Builder
	enc := yaml.NewEncoder(&sb)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	return strings.TrimSuffix(sb.String(), "\n"), nil
}
