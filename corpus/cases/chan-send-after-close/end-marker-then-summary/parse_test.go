package endmarkerthensummary

import "testing"

func TestParseStopsAtEnd(t *testing.T) {
	out := make(chan Record, 8)
	Parse([]string{"# sizes", "a=1", "b=2", "END", "c=3"}, out)
	var got []Record
	for r := range out {
		got = append(got, r)
	}
	if len(got) != 3 || got[2].Value != 3 {
		t.Fatalf("got %v", got)
	}
}
