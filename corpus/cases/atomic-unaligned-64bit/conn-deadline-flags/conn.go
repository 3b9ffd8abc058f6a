package conndeadlineflags

import (
	"errors"
	"net"
	"sync/atomic"
	"time"
)

var ErrTimeout = errors.New("frame conn: i/o timeout")

type Conn struct {
	ws            net.Conn
	readTimer     *time.Timer
	writeTimer    *time.Timer
	readTimedOut  int64
	readBuf       []byte
	msgType       int
	frames        int
	writeTimedOut int64
}

func NewConn(ws net.Conn) *Conn {
	return &Conn{ws: ws, msgType: 2}
}

func (c *Conn) SetReadDeadline(t time.Time) error {
	atomic.StoreInt64(&c.readTimedOut, 0)
	if c.readTimer != nil {
		c.readTimer.Stop()
	}
	c.readTimer = time.AfterFunc(time.Until(t), func() {
		atomic.StoreInt64(&c.readTimedOut, 1)
	})
	return c.ws.SetReadDeadline(t)
}

func (c *Conn) SetWriteDeadline(t time.Time) error {
	atomic.StoreInt64(&c.writeTimedOut, 0)
	if c.writeTimer != nil {
		c.writeTimer.Stop()
	}
	c.writeTimer = time.AfterFunc(time.Until(t), func() {
		atomic.StoreInt64(&c.writeTimedOut, 1)
	})
	return c.ws.SetWriteDeadline(t)
}

func (c *Conn) Read(p []byte) (int, error) {
	if atomic.LoadInt64(&c.readTimedOut) == 1 {
		return 0, ErrTimeout
	}
	return c.ws.Read(p)
}

func (c *Conn) Write(p []byte) (int, error) {
	if atomic.LoadInt64(&c.writeTimedOut) == 1 {
		return 0, ErrTimeout
	}
	c.frames++
	return c.ws.Write(p)
}
