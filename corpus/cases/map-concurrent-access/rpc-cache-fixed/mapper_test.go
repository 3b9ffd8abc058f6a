package rpccachefixed

import (
	"net"
	"net/rpc"
	"sync"
	"testing"
)

func TestMappingsOverRPC(t *testing.T) {
	const calls = 4
	var inFlight sync.WaitGroup
	inFlight.Add(calls)
	slowLookup := func(name string) (Mapping, error) {
		inFlight.Done()
		inFlight.Wait()
		return Mapping{Provider: "p-" + name, Module: "m"}, nil
	}

	server := rpc.NewServer()
	if err := server.RegisterName("Mapper", &MapperService{Mapper: NewCachingMapper(slowLookup)}); err != nil {
		t.Fatal(err)
	}
	serverConn, clientConn := net.Pipe()
	go server.ServeConn(serverConn)
	client := rpc.NewClient(clientConn)
	defer client.Close()

	names := []string{"aws_s3_bucket", "aws_iam_role", "gcp_bucket", "azure_vm"}
	pending := make([]*rpc.Call, calls)
	for i, name := range names {
		pending[i] = client.Go("Mapper.GetMapping", name, new(Mapping), nil)
	}
	for i, call := range pending {
		<-call.Done
		if call.Error != nil {
			t.Fatal(call.Error)
		}
		if got := call.Reply.(*Mapping).Provider; got != "p-"+names[i] {
			t.Errorf("mapping for %s: got provider %q", names[i], got)
		}
	}
}
