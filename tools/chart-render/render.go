package main

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	ttemplate "text/template"
)

// KubeVersion is .Capabilities.KubeVersion.
type KubeVersion struct {
	Version    string
	Major      string
	Minor      string
	GitVersion string
}

func (k KubeVersion) String() string { return k.Version }

// VersionSet is .Capabilities.APIVersions.
type VersionSet []string

// Has tells whether an API version ("apps/v1") or a version/kind ("apps/v1/Deployment") is known.
func (v VersionSet) Has(apiVersion string) bool {
	for _, x := range v {
		if x == apiVersion {
			return true
		}
	}
	return false
}

// Capabilities is .Capabilities.
type Capabilities struct {
	KubeVersion KubeVersion
	APIVersions VersionSet
	HelmVersion map[string]string
}

var builtinAPIVersions = []string{
	"v1", "apps/v1", "batch/v1", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1",
	"rbac.authorization.k8s.io/v1", "coordination.k8s.io/v1", "storage.k8s.io/v1",
	"apiextensions.k8s.io/v1", "admissionregistration.k8s.io/v1", "discovery.k8s.io/v1",
}

func render(c *chart, values map[string]interface{}, o options) (string, error) {
	var set *ttemplate.Template
	set = ttemplate.New("gotpl").Option("missingkey=zero").Funcs(funcMap(&set))
	for _, t := range c.templates {
		if _, err := set.New(t.name).Parse(t.content); err != nil {
			return "", fmt.Errorf("parse error in %s", strings.TrimPrefix(err.Error(), "template: "))
		}
	}

	caps := buildCapabilities(o)
	release := map[string]interface{}{
		"Name": o.release, "Namespace": o.namespace, "IsInstall": true, "IsUpgrade": false,
		"Revision": 1, "Service": "Helm",
	}
	wanted := map[string]bool{}
	for _, s := range o.showOnly {
		wanted[c.meta.Name+"/"+strings.TrimPrefix(s, "./")] = true
	}
	found := map[string]bool{}

	var out strings.Builder
	for _, t := range c.templates {
		base := path.Base(t.name)
		if strings.HasPrefix(base, "_") || base == "NOTES.txt" {
			continue
		}
		if len(wanted) > 0 && !wanted[t.name] {
			continue
		}
		found[t.name] = true
		top := map[string]interface{}{
			"Values":       values,
			"Release":      release,
			"Chart":        &c.meta,
			"Files":        c.files,
			"Capabilities": caps,
			"Template":     map[string]interface{}{"Name": t.name, "BasePath": c.meta.Name + "/templates"},
			"Subcharts":    map[string]interface{}{},
		}
		var sb strings.Builder
		if err := set.Lookup(t.name).Execute(&sb, top); err != nil {
			return "", cleanExecError(err)
		}
		content := strings.ReplaceAll(sb.String(), "<no value>", "")
		// Like Helm: one manifest per "---"-separated part, empty parts dropped, each with its source.
		for _, part := range separator.Split(content, -1) {
			if strings.TrimSpace(part) == "" {
				continue
			}
			out.WriteString("---\n# Source: " + t.name + "\n")
			out.WriteString(strings.TrimLeft(part, "\n"))
			if !strings.HasSuffix(part, "\n") {
				out.WriteString("\n")
			}
		}
	}
	var missing []string
	for w := range wanted {
		if !found[w] {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return "", fmt.Errorf("could not find template(s) %s in chart", strings.Join(missing, ", "))
	}
	return out.String(), nil
}

func buildCapabilities(o options) *Capabilities {
	v := strings.TrimPrefix(o.kubeVersion, "v")
	parts := strings.SplitN(v, ".", 3)
	major, minor := parts[0], ""
	if len(parts) > 1 {
		minor = parts[1]
	}
	apis := append(VersionSet{}, builtinAPIVersions...)
	apis = append(apis, o.apiVersions...)
	return &Capabilities{
		KubeVersion: KubeVersion{Version: "v" + v, Major: major, Minor: minor, GitVersion: "v" + v},
		APIVersions: apis,
		HelmVersion: map[string]string{"Version": "v3-chart-render"},
	}
}

var (
	separator       = regexp.MustCompile(`(?m)^---[ \t]*(?:#.*)?$`)
	locationPattern = regexp.MustCompile(`template: ([^\s:]+:\d+:\d+): executing`)
	callPattern     = regexp.MustCompile(`error calling \w+: `)
)

// cleanExecError turns Go's nested template error into Helm's shape:
// "execution error at (chart/templates/x.yaml:3:4): message", naming the innermost location.
func cleanExecError(err error) error {
	msg := err.Error()
	locations := locationPattern.FindAllStringSubmatch(msg, -1)
	calls := callPattern.FindAllStringIndex(msg, -1)
	if len(locations) == 0 || len(calls) == 0 {
		return err
	}
	last := calls[len(calls)-1]
	return fmt.Errorf("execution error at (%s): %s", locations[len(locations)-1][1], msg[last[1]:])
}
