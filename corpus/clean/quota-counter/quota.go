package quotacounter

import "sync"

// Quota limits how many requests each tenant may make.
type Quota struct {
	mu    sync.Mutex
	limit int
	used  map[string]int
}

func NewQuota(limit int) *Quota {
	return &Quota{limit: limit, used: make(map[string]int)}
}

// Allow records one request for tenant and reports whether it is within the limit.
func (q *Quota) Allow(tenant string) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.used[tenant] >= q.limit {
		return false
	}
	q.used[tenant]++
	return true
}

func (q *Quota) Reset(tenant string) {
	q.mu.Lock()
	delete(q.used, tenant)
	q.mu.Unlock()
}

func (q *Quota) Used(tenant string) int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.used[tenant]
}
