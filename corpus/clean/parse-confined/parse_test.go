package parseconfined

import "testing"

func TestSumColumns(t *testing.T) {
	got := SumColumns([]string{"a=1\nb=2\na=3", "x=0.5\nbad\nx=0.25", ""})
	if got[0].Values["a"] != 4 || got[0].Lines != 3 {
		t.Errorf("doc 0: %+v", got[0])
	}
	if got[1].Values["x"] != 0.75 || got[1].Lines != 2 {
		t.Errorf("doc 1: %+v", got[1])
	}
	if got[2].Lines != 0 {
		t.Errorf("doc 2: %+v", got[2])
	}
}
