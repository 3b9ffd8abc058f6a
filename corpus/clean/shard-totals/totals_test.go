package shardtotals

import "testing"

func TestScanShards(t *testing.T) {
	got := ScanShards([][]string{{"ab", "cde"}, {"f"}, {}, {"ghij", "k", "l"}})
	if got.Rows != 6 || got.Bytes != 12 {
		t.Fatalf("got %+v", got)
	}
}
