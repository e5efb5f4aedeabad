package main

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
)

// validateSchema checks values against values.schema.json, as `helm install` does. It knows the
// subset of JSON Schema the chart uses; an unknown keyword is reported as a problem rather than
// ignored, so the chart's schema can never be silently stricter in Helm than here.
func validateSchema(schema map[string]interface{}, values map[string]interface{}) []string {
	var problems []string
	check(schema, values, "", &problems)
	return problems
}

var annotationKeywords = map[string]bool{
	"$schema": true, "$id": true, "$comment": true, "title": true, "description": true,
	"default": true, "examples": true, "deprecated": true, "readOnly": true,
}

func check(schema map[string]interface{}, v interface{}, at string, problems *[]string) {
	where := at
	if where == "" {
		where = "(root)"
	}
	report := func(format string, args ...interface{}) {
		*problems = append(*problems, where+": "+fmt.Sprintf(format, args...))
	}
	keys := make([]string, 0, len(schema))
	for k := range schema {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		rule := schema[k]
		switch k {
		case "type":
			if !typeMatches(rule, v) {
				report("invalid type: expected %v, given %s", rule, jsonType(v))
				return // the other keywords make no sense on the wrong type
			}
		case "enum":
			ok := false
			for _, e := range rule.([]interface{}) {
				if sameValue(e, v) {
					ok = true
				}
			}
			if !ok {
				report("must be one of %v", rule)
			}
		case "const":
			if !sameValue(rule, v) {
				report("must be %v", rule)
			}
		case "properties":
			m, ok := v.(map[string]interface{})
			if !ok {
				continue
			}
			for name, sub := range rule.(map[string]interface{}) {
				if child, present := m[name]; present {
					check(sub.(map[string]interface{}), child, at+"/"+name, problems)
				}
			}
		case "additionalProperties":
			m, ok := v.(map[string]interface{})
			if !ok {
				continue
			}
			declared, _ := schema["properties"].(map[string]interface{})
			names := sortedKeys(m)
			for _, name := range names {
				if _, known := declared[name]; known {
					continue
				}
				switch r := rule.(type) {
				case bool:
					if !r {
						report("additional property %q is not allowed", name)
					}
				case map[string]interface{}:
					check(r, m[name], at+"/"+name, problems)
				}
			}
		case "required":
			m, ok := v.(map[string]interface{})
			if !ok {
				continue
			}
			for _, name := range rule.([]interface{}) {
				if _, present := m[name.(string)]; !present {
					report("%q is required", name)
				}
			}
		case "items":
			a, ok := v.([]interface{})
			if !ok {
				continue
			}
			for i, item := range a {
				check(rule.(map[string]interface{}), item, fmt.Sprintf("%s/%d", at, i), problems)
			}
		case "minItems", "maxItems":
			a, ok := v.([]interface{})
			if !ok {
				continue
			}
			limit := int(toFloat(rule))
			if (k == "minItems" && len(a) < limit) || (k == "maxItems" && len(a) > limit) {
				report("%s %d, has %d", k, limit, len(a))
			}
		case "minimum", "maximum", "exclusiveMinimum":
			n, ok := number(v)
			if !ok {
				continue
			}
			limit := toFloat(rule)
			if (k == "minimum" && n < limit) || (k == "maximum" && n > limit) || (k == "exclusiveMinimum" && n <= limit) {
				report("must satisfy %s %v, is %v", k, limit, n)
			}
		case "minLength":
			if s, ok := v.(string); ok && len([]rune(s)) < int(toFloat(rule)) {
				report("must be at least %v characters", rule)
			}
		case "pattern":
			if s, ok := v.(string); ok {
				if !regexp.MustCompile(rule.(string)).MatchString(s) {
					report("%q does not match pattern %q", s, rule)
				}
			}
		case "anyOf", "oneOf":
			matches := 0
			for _, alt := range rule.([]interface{}) {
				var sub []string
				check(alt.(map[string]interface{}), v, at, &sub)
				if len(sub) == 0 {
					matches++
				}
			}
			if matches == 0 || (k == "oneOf" && matches > 1) {
				report("must match %s the alternatives (matches %d)", map[string]string{"anyOf": "at least one of", "oneOf": "exactly one of"}[k], matches)
			}
		case "allOf":
			for _, alt := range rule.([]interface{}) {
				check(alt.(map[string]interface{}), v, at, problems)
			}
		default:
			if !annotationKeywords[k] {
				report("schema keyword %q is not supported by chart-render", k)
			}
		}
	}
}

func typeMatches(rule interface{}, v interface{}) bool {
	switch r := rule.(type) {
	case string:
		return oneType(r, v)
	case []interface{}:
		for _, t := range r {
			if oneType(t.(string), v) {
				return true
			}
		}
	}
	return false
}

func oneType(t string, v interface{}) bool {
	switch t {
	case "integer":
		n, ok := number(v)
		return ok && n == math.Trunc(n)
	case "number":
		_, ok := number(v)
		return ok
	default:
		return jsonType(v) == t
	}
}

func jsonType(v interface{}) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case map[string]interface{}:
		return "object"
	case []interface{}:
		return "array"
	}
	if _, ok := number(v); ok {
		return "number"
	}
	return reflect.TypeOf(v).String()
}

func number(v interface{}) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int64:
		return float64(n), true
	case int:
		return float64(n), true
	}
	return 0, false
}

func toFloat(v interface{}) float64 { n, _ := number(v); return n }

func sameValue(a, b interface{}) bool {
	na, aok := number(a)
	nb, bok := number(b)
	if aok && bok {
		return na == nb
	}
	return reflect.DeepEqual(a, b)
}

func sortedKeys(m map[string]interface{}) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
