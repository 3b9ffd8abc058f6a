package conndeadlineflags

import (
	"io"
	"net"
	"testing"
	"time"
)

func TestEchoWithDeadlines(t *testing.T) {
	client, server := net.Pipe()
	defer client.Close()
	defer server.Close()
	go func() {
		buf := make([]byte, 64)
		n, _ := server.Read(buf)
		server.Write(buf[:n])
	}()

	c := NewConn(client)
	deadline := time.Now().Add(time.Second)
	if err := c.SetReadDeadline(deadline); err != nil {
		t.Fatal(err)
	}
	if err := c.SetWriteDeadline(deadline); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Write([]byte("ping")); err != nil {
		t.Fatal(err)
	}
	got := make([]byte, 4)
	if _, err := io.ReadFull(c, got); err != nil || string(got) != "ping" {
		t.Fatalf("read %q, %v", got, err)
	}
}
