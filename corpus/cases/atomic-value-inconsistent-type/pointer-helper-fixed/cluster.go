package pointerhelperfixed

import "sync/atomic"

type Snapshot struct {
	Version int
	Nodes   []string
}

type Cluster struct {
	name   string
	latest atomic.Pointer[Snapshot]
}

func publish(v *atomic.Pointer[Snapshot], snap *Snapshot) {
	v.Store(snap)
}

func (c *Cluster) Bootstrap(nodes []string) {
	publish(&c.latest, &Snapshot{Version: 1, Nodes: nodes})
}

func (c *Cluster) Current() Snapshot {
	if s := c.latest.Load(); s != nil {
		return *s
	}
	return Snapshot{}
}

func (c *Cluster) Join(node string) {
	cur := c.Current()
	nodes := append(append([]string(nil), cur.Nodes...), node)
	publish(&c.latest, &Snapshot{Version: cur.Version + 1, Nodes: nodes})
}
