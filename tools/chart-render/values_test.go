package main

import (
	"reflect"
	"testing"
)

func TestParseSet_NestedTypedAndLists(t *testing.T) {
	got, err := parseSet(`a.b=c,n=3,on=true,off=null,list={x,2},dotted\.key=v\,w,zero=0,padded=007`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]interface{}{
		"a":          map[string]interface{}{"b": "c"},
		"n":          int64(3),
		"on":         true,
		"off":        nil,
		"list":       []interface{}{"x", int64(2)},
		"dotted.key": "v,w",
		"zero":       int64(0),
		"padded":     "007",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("parseSet:\n got %#v\nwant %#v", got, want)
	}
}

func TestParseSet_BadInput_Errors(t *testing.T) {
	for _, s := range []string{"novalue", "=x", "a[0]=1"} {
		if _, err := parseSet(s); err == nil {
			t.Errorf("parseSet(%q): no error", s)
		}
	}
}

func TestMerge_DeepMergeNullDeletesOverlayWins(t *testing.T) {
	base := map[string]interface{}{
		"image": map[string]interface{}{"repo": "r", "tag": "1"},
		"keep":  "k",
		"gone":  "g",
	}
	overlay := map[string]interface{}{
		"image": map[string]interface{}{"tag": "2"},
		"gone":  nil,
		"keep":  map[string]interface{}{"now": "a map"},
	}
	got := merge(base, overlay)
	want := map[string]interface{}{
		"image": map[string]interface{}{"repo": "r", "tag": "2"},
		"keep":  map[string]interface{}{"now": "a map"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("merge:\n got %#v\nwant %#v", got, want)
	}
	if base["image"].(map[string]interface{})["tag"] != "1" {
		t.Fatal("merge changed its base")
	}
}
