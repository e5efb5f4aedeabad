// Command chart-render renders a Helm chart the way `helm template` does, without helm: Go's
// text/template, the sprig functions, and Helm's own additions (toYaml, fromYaml, include, tpl,
// required, fail, .Files, .Release, .Chart, .Capabilities). It exists so the chart can be tested
// on machines that have Go but no helm binary.
//
//	chart-render [-f values.yaml]... [--set a.b=c]... [--name R] [--namespace N]
//	             [--api-versions group/version]... [--show-only templates/x.yaml] CHART_DIR
//
// Output: every rendered template as "---\n# Source: CHART/templates/x.yaml\n…", in file-name
// order, empty ones left out. Errors: one line "Error: …" on stderr, exit code 1.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func main() {
	var valueFiles, sets, apiVersions, showOnly multiFlag
	release := flag.String("name", "drillbot", "release name")
	namespace := flag.String("namespace", "default", "release namespace")
	kubeVersion := flag.String("kube-version", "v1.32.0", "Kubernetes version for .Capabilities")
	flag.Var(&valueFiles, "f", "values file merged over the chart's values.yaml (repeatable)")
	flag.Var(&valueFiles, "values", "same as -f")
	flag.Var(&sets, "set", "a.b.c=value override (repeatable)")
	flag.Var(&apiVersions, "api-versions", "extra API version for .Capabilities.APIVersions (repeatable)")
	flag.Var(&apiVersions, "a", "same as --api-versions")
	flag.Var(&showOnly, "show-only", "render only this template path, e.g. templates/deployment.yaml (repeatable)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: chart-render [-f values.yaml]... [--set a.b=c]... [--name R] [--namespace N] [--show-only templates/x.yaml] CHART_DIR")
		flag.PrintDefaults()
	}
	// Like helm, accept flags before and after the chart directory.
	var positional []string
	args := os.Args[1:]
	for {
		if err := flag.CommandLine.Parse(args); err != nil {
			os.Exit(2)
		}
		if flag.NArg() == 0 {
			break
		}
		positional = append(positional, flag.Arg(0))
		args = flag.Args()[1:]
	}
	if len(positional) != 1 {
		flag.Usage()
		os.Exit(2)
	}

	out, err := run(options{
		chartDir:    positional[0],
		valueFiles:  valueFiles,
		sets:        sets,
		release:     *release,
		namespace:   *namespace,
		kubeVersion: *kubeVersion,
		apiVersions: apiVersions,
		showOnly:    showOnly,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "Error: %s\n", err)
		os.Exit(1)
	}
	fmt.Print(out)
}

type options struct {
	chartDir    string
	valueFiles  []string
	sets        []string
	release     string
	namespace   string
	kubeVersion string
	apiVersions []string
	showOnly    []string
}

func run(o options) (string, error) {
	chart, err := loadChart(o.chartDir)
	if err != nil {
		return "", err
	}
	values, err := loadValues(chart, o.valueFiles, o.sets)
	if err != nil {
		return "", err
	}
	if chart.schema != nil {
		if problems := validateSchema(chart.schema, values); len(problems) > 0 {
			return "", fmt.Errorf("values don't meet the specifications of the schema(s) in the following chart(s):\n%s:\n- %s",
				chart.meta.Name, strings.Join(problems, "\n- "))
		}
	}
	return render(chart, values, o)
}
