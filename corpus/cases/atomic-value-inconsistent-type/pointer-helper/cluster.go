package pointerhelper

import "sync/atomic"

type Snapshot struct {
	Version int
	Nodes   []string
}

type Cluster struct {
	name   string
	latest atomic.Value
}

func publish(v *atomic.Value, snap any) {
	v.Store(snap)
}

func (c *Cluster) Bootstrap(nodes []string) {
	publish(&c.latest, Snapshot{Version: 1, Nodes: nodes})
}

func (c *Cluster) Current() Snapshot {
	switch s := c.latest.Load().(type) {
	case Snapshot:
		return s
	case *Snapshot:
		return *s
	}
	return Snapshot{}
}

func (c *Cluster) Join(node string) {
	cur := c.Current()
	nodes := append(append([]string(nil), cur.Nodes...), node)
	publish(&c.latest, &Snapshot{Version: cur.Version + 1, Nodes: nodes})
}
