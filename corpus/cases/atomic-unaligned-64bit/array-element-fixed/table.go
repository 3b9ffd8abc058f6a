package arrayelementfixed

import (
	"hash/fnv"
	"sync/atomic"
)

const shardCount = 4

type shard struct {
	hits atomic.Uint64
	name string
	live bool
}

type Table struct {
	shards [shardCount]shard
}

func NewTable(names [shardCount]string) *Table {
	t := &Table{}
	for i, n := range names {
		t.shards[i].name = n
		t.shards[i].live = true
	}
	return t
}

func (t *Table) shardFor(key string) *shard {
	h := fnv.New32a()
	h.Write([]byte(key))
	return &t.shards[h.Sum32()%shardCount]
}

func (t *Table) Hit(key string) string {
	s := t.shardFor(key)
	s.hits.Add(1)
	return s.name
}

func (t *Table) Hits() map[string]uint64 {
	out := make(map[string]uint64, shardCount)
	for i := range t.shards {
		out[t.shards[i].name] = t.shards[i].hits.Load()
	}
	return out
}
