package conndeadlineflagsfixed

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
	readTimedOut  atomic.Int64
	readBuf       []byte
	msgType       int
	frames        int
	writeTimedOut atomic.Int64
}

func NewConn(ws net.Conn) *Conn {
	return &Conn{ws: ws, msgType: 2}
}

func (c *Conn) SetReadDeadline(t time.Time) error {
	c.readTimedOut.Store(0)
	if c.readTimer != nil {
		c.readTimer.Stop()
	}
	c.readTimer = time.AfterFunc(time.Until(t), func() {
		c.readTimedOut.Store(1)
	})
	return c.ws.SetReadDeadline(t)
}

func (c *Conn) SetWriteDeadline(t time.Time) error {
	c.writeTimedOut.Store(0)
	if c.writeTimer != nil {
		c.writeTimer.Stop()
	}
	c.writeTimer = time.AfterFunc(time.Until(t), func() {
		c.writeTimedOut.Store(1)
	})
	return c.ws.SetWriteDeadline(t)
}

func (c *Conn) Read(p []byte) (int, error) {
	if c.readTimedOut.Load() == 1 {
		return 0, ErrTimeout
	}
	return c.ws.Read(p)
}

func (c *Conn) Write(p []byte) (int, error) {
	if c.writeTimedOut.Load() == 1 {
		return 0, ErrTimeout
	}
	c.frames++
	return c.ws.Write(p)
}
