/**
 * The standard-library (and x/sync, gRPC) API surface goconc models, written as Go
 * declarations without bodies and parsed by goconc's own parser. Only what concurrency
 * rules and type inference need is here; anything else resolves to an unknown type.
 *
 * `//goconc:opaque` above a type: its real fields are not modelled, so its layout comes
 * only from the size table (listed fields are the exported ones code may select).
 */
export const STDLIB_SOURCES: Record<string, string> = {
  sync: `package sync
type Locker interface { Lock(); Unlock() }
//goconc:opaque
type Mutex struct{}
func (m *Mutex) Lock()
func (m *Mutex) Unlock()
func (m *Mutex) TryLock() bool
//goconc:opaque
type RWMutex struct{}
func (rw *RWMutex) Lock()
func (rw *RWMutex) Unlock()
func (rw *RWMutex) RLock()
func (rw *RWMutex) RUnlock()
func (rw *RWMutex) TryLock() bool
func (rw *RWMutex) TryRLock() bool
func (rw *RWMutex) RLocker() Locker
//goconc:opaque
type WaitGroup struct{}
func (wg *WaitGroup) Add(delta int)
func (wg *WaitGroup) Done()
func (wg *WaitGroup) Wait()
func (wg *WaitGroup) Go(f func())
//goconc:opaque
type Once struct{}
func (o *Once) Do(f func())
func OnceFunc(f func()) func()
func OnceValue[T any](f func() T) func() T
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2)
//goconc:opaque
type Cond struct { L Locker }
func NewCond(l Locker) *Cond
func (c *Cond) Wait()
func (c *Cond) Signal()
func (c *Cond) Broadcast()
//goconc:opaque
type Map struct{}
func (m *Map) Load(key any) (value any, ok bool)
func (m *Map) Store(key, value any)
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool)
func (m *Map) LoadAndDelete(key any) (value any, loaded bool)
func (m *Map) Delete(key any)
func (m *Map) Swap(key, value any) (previous any, loaded bool)
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool)
func (m *Map) CompareAndDelete(key, old any) (deleted bool)
func (m *Map) Range(f func(key, value any) bool)
func (m *Map) Clear()
//goconc:opaque
type Pool struct { New func() any }
func (p *Pool) Get() any
func (p *Pool) Put(x any)
`,
  'sync/atomic': `package atomic
import "unsafe"
func AddInt32(addr *int32, delta int32) (new int32)
func AddInt64(addr *int64, delta int64) (new int64)
func AddUint32(addr *uint32, delta uint32) (new uint32)
func AddUint64(addr *uint64, delta uint64) (new uint64)
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr)
func AndInt32(addr *int32, mask int32) (old int32)
func AndInt64(addr *int64, mask int64) (old int64)
func AndUint32(addr *uint32, mask uint32) (old uint32)
func AndUint64(addr *uint64, mask uint64) (old uint64)
func OrInt32(addr *int32, mask int32) (old int32)
func OrInt64(addr *int64, mask int64) (old int64)
func OrUint32(addr *uint32, mask uint32) (old uint32)
func OrUint64(addr *uint64, mask uint64) (old uint64)
func LoadInt32(addr *int32) (val int32)
func LoadInt64(addr *int64) (val int64)
func LoadUint32(addr *uint32) (val uint32)
func LoadUint64(addr *uint64) (val uint64)
func LoadUintptr(addr *uintptr) (val uintptr)
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer)
func StoreInt32(addr *int32, val int32)
func StoreInt64(addr *int64, val int64)
func StoreUint32(addr *uint32, val uint32)
func StoreUint64(addr *uint64, val uint64)
func StoreUintptr(addr *uintptr, val uintptr)
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer)
func SwapInt32(addr *int32, new int32) (old int32)
func SwapInt64(addr *int64, new int64) (old int64)
func SwapUint32(addr *uint32, new uint32) (old uint32)
func SwapUint64(addr *uint64, new uint64) (old uint64)
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr)
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer)
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool)
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool)
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool)
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool)
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool)
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool)
//goconc:opaque
type Value struct{}
func (v *Value) Load() (val any)
func (v *Value) Store(val any)
func (v *Value) Swap(new any) (old any)
func (v *Value) CompareAndSwap(old, new any) (swapped bool)
//goconc:opaque
type Bool struct{}
func (x *Bool) Load() bool
func (x *Bool) Store(val bool)
func (x *Bool) Swap(new bool) (old bool)
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool)
//goconc:opaque
type Int32 struct{}
func (x *Int32) Load() int32
func (x *Int32) Store(val int32)
func (x *Int32) Swap(new int32) (old int32)
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool)
func (x *Int32) Add(delta int32) (new int32)
func (x *Int32) And(mask int32) (old int32)
func (x *Int32) Or(mask int32) (old int32)
//goconc:opaque
type Int64 struct{}
func (x *Int64) Load() int64
func (x *Int64) Store(val int64)
func (x *Int64) Swap(new int64) (old int64)
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool)
func (x *Int64) Add(delta int64) (new int64)
func (x *Int64) And(mask int64) (old int64)
func (x *Int64) Or(mask int64) (old int64)
//goconc:opaque
type Uint32 struct{}
func (x *Uint32) Load() uint32
func (x *Uint32) Store(val uint32)
func (x *Uint32) Swap(new uint32) (old uint32)
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool)
func (x *Uint32) Add(delta uint32) (new uint32)
func (x *Uint32) And(mask uint32) (old uint32)
func (x *Uint32) Or(mask uint32) (old uint32)
//goconc:opaque
type Uint64 struct{}
func (x *Uint64) Load() uint64
func (x *Uint64) Store(val uint64)
func (x *Uint64) Swap(new uint64) (old uint64)
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool)
func (x *Uint64) Add(delta uint64) (new uint64)
func (x *Uint64) And(mask uint64) (old uint64)
func (x *Uint64) Or(mask uint64) (old uint64)
//goconc:opaque
type Uintptr struct{}
func (x *Uintptr) Load() uintptr
func (x *Uintptr) Store(val uintptr)
func (x *Uintptr) Swap(new uintptr) (old uintptr)
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool)
func (x *Uintptr) Add(delta uintptr) (new uintptr)
//goconc:opaque
type Pointer[T any] struct{}
func (x *Pointer[T]) Load() *T
func (x *Pointer[T]) Store(val *T)
func (x *Pointer[T]) Swap(new *T) (old *T)
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool)
`,
  context: `package context
import "time"
type Context interface {
	Deadline() (deadline time.Time, ok bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}
type CancelFunc func()
type CancelCauseFunc func(cause error)
var Canceled error
var DeadlineExceeded error
func Background() Context
func TODO() Context
func WithCancel(parent Context) (ctx Context, cancel CancelFunc)
func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc)
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc)
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc)
func WithValue(parent Context, key, val any) Context
func WithoutCancel(parent Context) Context
func Cause(c Context) error
func AfterFunc(ctx Context, f func()) (stop func() bool)
`,
  time: `package time
type Duration int64
const (
	Nanosecond Duration = 1
	Microsecond = 1000 * Nanosecond
	Millisecond = 1000 * Microsecond
	Second = 1000 * Millisecond
	Minute = 60 * Second
	Hour = 60 * Minute
)
func (d Duration) Seconds() float64
func (d Duration) Milliseconds() int64
func (d Duration) String() string
type Month int
type Weekday int
//goconc:opaque
type Location struct{}
var UTC *Location
var Local *Location
//goconc:opaque
type Time struct{}
func Now() Time
func Unix(sec int64, nsec int64) Time
func Since(t Time) Duration
func Until(t Time) Duration
func Sleep(d Duration)
func After(d Duration) <-chan Time
func Tick(d Duration) <-chan Time
func ParseDuration(s string) (Duration, error)
func (t Time) Add(d Duration) Time
func (t Time) Sub(u Time) Duration
func (t Time) Before(u Time) bool
func (t Time) After(u Time) bool
func (t Time) Equal(u Time) bool
func (t Time) IsZero() bool
func (t Time) Unix() int64
func (t Time) UnixNano() int64
func (t Time) UnixMilli() int64
func (t Time) Format(layout string) string
func (t Time) String() string
func (t Time) Truncate(d Duration) Time
//goconc:opaque
type Timer struct { C <-chan Time }
func NewTimer(d Duration) *Timer
func AfterFunc(d Duration, f func()) *Timer
func (t *Timer) Stop() bool
func (t *Timer) Reset(d Duration) bool
//goconc:opaque
type Ticker struct { C <-chan Time }
func NewTicker(d Duration) *Ticker
func (t *Ticker) Stop()
func (t *Ticker) Reset(d Duration)
`,
  errors: `package errors
func New(text string) error
func Is(err, target error) bool
func As(err error, target any) bool
func Unwrap(err error) error
func Join(errs ...error) error
var ErrUnsupported error
`,
  fmt: `package fmt
import "io"
type Stringer interface { String() string }
func Errorf(format string, a ...any) error
func Sprintf(format string, a ...any) string
func Sprint(a ...any) string
func Sprintln(a ...any) string
func Printf(format string, a ...any) (n int, err error)
func Println(a ...any) (n int, err error)
func Print(a ...any) (n int, err error)
func Fprintf(w io.Writer, format string, a ...any) (n int, err error)
func Fprintln(w io.Writer, a ...any) (n int, err error)
func Fprint(w io.Writer, a ...any) (n int, err error)
func Sscanf(str string, format string, a ...any) (n int, err error)
`,
  io: `package io
type Reader interface { Read(p []byte) (n int, err error) }
type Writer interface { Write(p []byte) (n int, err error) }
type Closer interface { Close() error }
type ReadWriter interface { Reader; Writer }
type ReadCloser interface { Reader; Closer }
type WriteCloser interface { Writer; Closer }
type ReadWriteCloser interface { Reader; Writer; Closer }
var EOF error
var ErrUnexpectedEOF error
var ErrClosedPipe error
var Discard Writer
func Copy(dst Writer, src Reader) (written int64, err error)
func ReadAll(r Reader) ([]byte, error)
func ReadFull(r Reader, buf []byte) (n int, err error)
func ReadAtLeast(r Reader, buf []byte, min int) (n int, err error)
func WriteString(w Writer, s string) (n int, err error)
func Pipe() (*PipeReader, *PipeWriter)
//goconc:opaque
type PipeReader struct{}
func (r *PipeReader) Read(data []byte) (n int, err error)
func (r *PipeReader) Close() error
//goconc:opaque
type PipeWriter struct{}
func (w *PipeWriter) Write(data []byte) (n int, err error)
func (w *PipeWriter) Close() error
`,
  net: `package net
import "time"
type Addr interface { Network() string; String() string }
type Conn interface {
	Read(b []byte) (n int, err error)
	Write(b []byte) (n int, err error)
	Close() error
	LocalAddr() Addr
	RemoteAddr() Addr
	SetDeadline(t time.Time) error
	SetReadDeadline(t time.Time) error
	SetWriteDeadline(t time.Time) error
}
type Listener interface { Accept() (Conn, error); Close() error; Addr() Addr }
type Error interface { error; Timeout() bool; Temporary() bool }
func Listen(network, address string) (Listener, error)
func Dial(network, address string) (Conn, error)
func DialTimeout(network, address string, timeout time.Duration) (Conn, error)
func Pipe() (Conn, Conn)
var ErrClosed error
`,
  'net/url': `package url
//goconc:opaque
type URL struct { Scheme string; Host string; Path string; RawQuery string; Fragment string }
func Parse(rawURL string) (*URL, error)
func (u *URL) Query() Values
func (u *URL) String() string
func (u *URL) Hostname() string
type Values map[string][]string
func (v Values) Get(key string) string
func (v Values) Set(key, value string)
func (v Values) Add(key, value string)
func (v Values) Encode() string
func (v Values) Del(key string)
func (v Values) Has(key string) bool
func ParseQuery(query string) (Values, error)
//goconc:opaque
type Error struct { Op string; URL string; Err error }
func (e *Error) Error() string
func (e *Error) Unwrap() error
`,
  'net/http': `package http
import (
	"context"
	"io"
	"net"
	"net/url"
	"time"
)
type Handler interface { ServeHTTP(ResponseWriter, *Request) }
type HandlerFunc func(ResponseWriter, *Request)
func (f HandlerFunc) ServeHTTP(w ResponseWriter, r *Request)
type ResponseWriter interface {
	Header() Header
	Write([]byte) (int, error)
	WriteHeader(statusCode int)
}
type Flusher interface { Flush() }
type RoundTripper interface { RoundTrip(*Request) (*Response, error) }
type Header map[string][]string
func (h Header) Get(key string) string
func (h Header) Set(key, value string)
func (h Header) Add(key, value string)
func (h Header) Del(key string)
//goconc:opaque
type Request struct {
	Method string
	URL *url.URL
	Header Header
	Body io.ReadCloser
	Form url.Values
	Host string
	RemoteAddr string
	RequestURI string
	ContentLength int64
}
func (r *Request) Context() context.Context
func (r *Request) WithContext(ctx context.Context) *Request
func (r *Request) FormValue(key string) string
func (r *Request) PathValue(name string) string
func (r *Request) ParseForm() error
//goconc:opaque
type Response struct {
	Status string
	StatusCode int
	Header Header
	Body io.ReadCloser
	ContentLength int64
	Request *Request
}
//goconc:opaque
type Client struct {
	Transport RoundTripper
	CheckRedirect func(req *Request, via []*Request) error
	Timeout time.Duration
}
func (c *Client) Do(req *Request) (*Response, error)
func (c *Client) Get(url string) (resp *Response, err error)
func (c *Client) Head(url string) (resp *Response, err error)
func (c *Client) Post(url, contentType string, body io.Reader) (resp *Response, err error)
func (c *Client) PostForm(url string, data url.Values) (resp *Response, err error)
func (c *Client) CloseIdleConnections()
//goconc:opaque
type Transport struct {
	Proxy func(*Request) (*url.URL, error)
	DialContext func(ctx context.Context, network, addr string) (net.Conn, error)
	Dial func(network, addr string) (net.Conn, error)
	DialTLSContext func(ctx context.Context, network, addr string) (net.Conn, error)
	DialTLS func(network, addr string) (net.Conn, error)
	DisableKeepAlives bool
	DisableCompression bool
	MaxIdleConns int
	MaxIdleConnsPerHost int
	MaxConnsPerHost int
	IdleConnTimeout time.Duration
	ResponseHeaderTimeout time.Duration
	TLSHandshakeTimeout time.Duration
	ExpectContinueTimeout time.Duration
}
func (t *Transport) RoundTrip(req *Request) (*Response, error)
func (t *Transport) CloseIdleConnections()
func (t *Transport) Clone() *Transport
var DefaultTransport RoundTripper
func ProxyFromEnvironment(req *Request) (*url.URL, error)
func ProxyURL(fixedURL *url.URL) func(*Request) (*url.URL, error)
var DefaultClient *Client
//goconc:opaque
type ServeMux struct{}
func NewServeMux() *ServeMux
func (mux *ServeMux) Handle(pattern string, handler Handler)
func (mux *ServeMux) HandleFunc(pattern string, handler func(ResponseWriter, *Request))
func (mux *ServeMux) ServeHTTP(w ResponseWriter, r *Request)
var DefaultServeMux *ServeMux
//goconc:opaque
type Server struct { Addr string; Handler Handler; ReadTimeout time.Duration; WriteTimeout time.Duration }
func (srv *Server) ListenAndServe() error
func (srv *Server) ListenAndServeTLS(certFile, keyFile string) error
func (srv *Server) Serve(l net.Listener) error
func (srv *Server) Shutdown(ctx context.Context) error
func (srv *Server) Close() error
func (srv *Server) RegisterOnShutdown(f func())
func Handle(pattern string, handler Handler)
func HandleFunc(pattern string, handler func(ResponseWriter, *Request))
func ListenAndServe(addr string, handler Handler) error
func Serve(l net.Listener, handler Handler) error
func Get(url string) (resp *Response, err error)
func Post(url, contentType string, body io.Reader) (resp *Response, err error)
func NewRequest(method, url string, body io.Reader) (*Request, error)
func NewRequestWithContext(ctx context.Context, method, url string, body io.Reader) (*Request, error)
func Error(w ResponseWriter, error string, code int)
func NotFound(w ResponseWriter, r *Request)
func StripPrefix(prefix string, h Handler) Handler
func TimeoutHandler(h Handler, dt time.Duration, msg string) Handler
var ErrServerClosed error
const (
	StatusOK = 200
	StatusCreated = 201
	StatusNoContent = 204
	StatusBadRequest = 400
	StatusUnauthorized = 401
	StatusForbidden = 403
	StatusNotFound = 404
	StatusMethodNotAllowed = 405
	StatusConflict = 409
	StatusInternalServerError = 500
	StatusServiceUnavailable = 503
)
const (
	MethodGet = "GET"
	MethodPost = "POST"
	MethodPut = "PUT"
	MethodDelete = "DELETE"
)
`,
  'net/http/httptest': `package httptest
import (
	"bytes"
	"io"
	"net"
	"net/http"
)
//goconc:opaque
type Server struct { URL string; Listener net.Listener; Config *http.Server }
func NewServer(handler http.Handler) *Server
func NewUnstartedServer(handler http.Handler) *Server
func (s *Server) Close()
func (s *Server) Start()
func (s *Server) Client() *http.Client
//goconc:opaque
type ResponseRecorder struct { Code int; Body *bytes.Buffer }
func NewRecorder() *ResponseRecorder
func (rw *ResponseRecorder) Header() http.Header
func (rw *ResponseRecorder) Write(buf []byte) (int, error)
func (rw *ResponseRecorder) WriteHeader(code int)
func (rw *ResponseRecorder) Result() *http.Response
func NewRequest(method, target string, body io.Reader) *http.Request
`,
  testing: `package testing
import "context"
type TB interface {
	Cleanup(func())
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Skip(args ...any)
	Skipf(format string, args ...any)
	TempDir() string
}
//goconc:opaque
type T struct{}
func (t *T) Parallel()
func (t *T) Run(name string, f func(t *T)) bool
func (t *T) Cleanup(f func())
func (t *T) Error(args ...any)
func (t *T) Errorf(format string, args ...any)
func (t *T) Fail()
func (t *T) FailNow()
func (t *T) Failed() bool
func (t *T) Fatal(args ...any)
func (t *T) Fatalf(format string, args ...any)
func (t *T) Helper()
func (t *T) Log(args ...any)
func (t *T) Logf(format string, args ...any)
func (t *T) Name() string
func (t *T) Skip(args ...any)
func (t *T) Skipf(format string, args ...any)
func (t *T) SkipNow()
func (t *T) TempDir() string
func (t *T) Setenv(key, value string)
func (t *T) Context() context.Context
//goconc:opaque
type B struct { N int }
func (b *B) ResetTimer()
func (b *B) StopTimer()
func (b *B) StartTimer()
func (b *B) ReportAllocs()
func (b *B) Loop() bool
func (b *B) RunParallel(body func(*PB))
func (b *B) Run(name string, f func(b *B)) bool
func (b *B) Fatal(args ...any)
func (b *B) Fatalf(format string, args ...any)
func (b *B) Error(args ...any)
func (b *B) Errorf(format string, args ...any)
func (b *B) Helper()
func (b *B) Log(args ...any)
func (b *B) Logf(format string, args ...any)
//goconc:opaque
type PB struct{}
func (pb *PB) Next() bool
//goconc:opaque
type M struct{}
func (m *M) Run() (code int)
func Short() bool
`,
  'net/rpc': `package rpc
import (
	"io"
	"net"
)
//goconc:opaque
type Server struct{}
func NewServer() *Server
func (server *Server) Register(rcvr any) error
func (server *Server) RegisterName(name string, rcvr any) error
func (server *Server) ServeConn(conn io.ReadWriteCloser)
func (server *Server) Accept(lis net.Listener)
func (server *Server) HandleHTTP(rpcPath, debugPath string)
func Register(rcvr any) error
func RegisterName(name string, rcvr any) error
func ServeConn(conn io.ReadWriteCloser)
func Accept(lis net.Listener)
func HandleHTTP()
//goconc:opaque
type Call struct { ServiceMethod string; Args any; Reply any; Error error; Done chan *Call }
//goconc:opaque
type Client struct{}
func NewClient(conn io.ReadWriteCloser) *Client
func Dial(network, address string) (*Client, error)
func (client *Client) Call(serviceMethod string, args any, reply any) error
func (client *Client) Go(serviceMethod string, args any, reply any, done chan *Call) *Call
func (client *Client) Close() error
`,
  'testing/synctest': `package synctest
import "testing"
func Test(t *testing.T, f func(*testing.T))
func Wait()
`,
  'golang.org/x/sync/errgroup': `package errgroup
import "context"
//goconc:opaque
type Group struct{}
func WithContext(ctx context.Context) (*Group, context.Context)
func (g *Group) Go(f func() error)
func (g *Group) TryGo(f func() error) bool
func (g *Group) Wait() error
func (g *Group) SetLimit(n int)
`,
  'golang.org/x/sync/singleflight': `package singleflight
//goconc:opaque
type Group struct{}
type Result struct { Val any; Err error; Shared bool }
func (g *Group) Do(key string, fn func() (any, error)) (v any, err error, shared bool)
func (g *Group) DoChan(key string, fn func() (any, error)) <-chan Result
func (g *Group) Forget(key string)
`,
  strings: `package strings
import "io"
//goconc:opaque
type Builder struct{}
func (b *Builder) WriteString(s string) (int, error)
func (b *Builder) WriteByte(c byte) error
func (b *Builder) WriteRune(r rune) (int, error)
func (b *Builder) Write(p []byte) (int, error)
func (b *Builder) String() string
func (b *Builder) Len() int
func (b *Builder) Reset()
func (b *Builder) Grow(n int)
//goconc:opaque
type Reader struct{}
func NewReader(s string) *Reader
func (r *Reader) Read(b []byte) (n int, err error)
func Contains(s, substr string) bool
func ContainsRune(s string, r rune) bool
func HasPrefix(s, prefix string) bool
func HasSuffix(s, suffix string) bool
func Index(s, substr string) int
func IndexByte(s string, c byte) int
func LastIndex(s, substr string) int
func Split(s, sep string) []string
func SplitN(s, sep string, n int) []string
func Fields(s string) []string
func Join(elems []string, sep string) string
func Repeat(s string, count int) string
func Replace(s, old, new string, n int) string
func ReplaceAll(s, old, new string) string
func ToLower(s string) string
func ToUpper(s string) string
func TrimSpace(s string) string
func Trim(s, cutset string) string
func TrimPrefix(s, prefix string) string
func TrimSuffix(s, suffix string) string
func EqualFold(s, t string) bool
func Cut(s, sep string) (before, after string, found bool)
var _ io.Reader
`,
  bytes: `package bytes
//goconc:opaque
type Buffer struct{}
func NewBuffer(buf []byte) *Buffer
func NewBufferString(s string) *Buffer
func (b *Buffer) Write(p []byte) (n int, err error)
func (b *Buffer) WriteString(s string) (n int, err error)
func (b *Buffer) WriteByte(c byte) error
func (b *Buffer) Read(p []byte) (n int, err error)
func (b *Buffer) String() string
func (b *Buffer) Bytes() []byte
func (b *Buffer) Len() int
func (b *Buffer) Reset()
func Equal(a, b []byte) bool
func Contains(b, subslice []byte) bool
`,
  strconv: `package strconv
func Itoa(i int) string
func Atoi(s string) (int, error)
func FormatInt(i int64, base int) string
func FormatUint(i uint64, base int) string
func ParseInt(s string, base int, bitSize int) (i int64, err error)
func ParseUint(s string, base int, bitSize int) (uint64, error)
func ParseFloat(s string, bitSize int) (float64, error)
func ParseBool(str string) (bool, error)
func FormatBool(b bool) string
func Quote(s string) string
`,
  sort: `package sort
func Strings(x []string)
func Ints(x []int)
func Slice(x any, less func(i, j int) bool)
func SliceStable(x any, less func(i, j int) bool)
func Search(n int, f func(int) bool) int
`,
  os: `package os
type FileMode uint32
type Signal interface { String() string; Signal() }
//goconc:opaque
type File struct{}
func (f *File) Close() error
func (f *File) Write(b []byte) (n int, err error)
func (f *File) WriteString(s string) (n int, err error)
func (f *File) Read(b []byte) (n int, err error)
func (f *File) Name() string
func (f *File) Sync() error
//goconc:opaque
type Process struct { Pid int }
func (p *Process) Kill() error
func (p *Process) Signal(sig Signal) error
func Open(name string) (*File, error)
func Create(name string) (*File, error)
func ReadFile(name string) ([]byte, error)
func WriteFile(name string, data []byte, perm FileMode) error
func Remove(name string) error
func RemoveAll(path string) error
func MkdirAll(path string, perm FileMode) error
func MkdirTemp(dir, pattern string) (string, error)
func Getenv(key string) string
func Setenv(key, value string) error
func LookupEnv(key string) (string, bool)
func Exit(code int)
func Getpid() int
var Args []string
var Stdin *File
var Stdout *File
var Stderr *File
var Interrupt Signal
var ErrNotExist error
`,
  'os/signal': `package signal
import "os"
func Notify(c chan<- os.Signal, sig ...os.Signal)
func Stop(c chan<- os.Signal)
`,
  log: `package log
import "io"
//goconc:opaque
type Logger struct{}
func New(out io.Writer, prefix string, flag int) *Logger
func (l *Logger) Printf(format string, v ...any)
func (l *Logger) Println(v ...any)
func (l *Logger) Print(v ...any)
func (l *Logger) Fatalf(format string, v ...any)
func Printf(format string, v ...any)
func Println(v ...any)
func Print(v ...any)
func Fatal(v ...any)
func Fatalf(format string, v ...any)
func Fatalln(v ...any)
func Panicf(format string, v ...any)
func SetOutput(w io.Writer)
`,
  runtime: `package runtime
func Gosched()
func GC()
func NumCPU() int
func NumGoroutine() int
func GOMAXPROCS(n int) int
func KeepAlive(x any)
func SetFinalizer(obj any, finalizer any)
type Cleanup struct{}
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup
func Goexit()
const GOOS = ""
const GOARCH = ""
`,
  'math/rand': `package rand
func Intn(n int) int
func Int() int
func Int63() int64
func Int31n(n int32) int32
func Float64() float64
func Shuffle(n int, swap func(i, j int))
func Perm(n int) []int
type Source interface { Int63() int64; Seed(seed int64) }
func NewSource(seed int64) Source
//goconc:opaque
type Rand struct{}
func New(src Source) *Rand
func (r *Rand) Seed(seed int64)
func (r *Rand) Int63() int64
func (r *Rand) Uint32() uint32
func (r *Rand) Uint64() uint64
func (r *Rand) Int31() int32
func (r *Rand) Int() int
func (r *Rand) Int63n(n int64) int64
func (r *Rand) Int31n(n int32) int32
func (r *Rand) Intn(n int) int
func (r *Rand) Float64() float64
func (r *Rand) Float32() float32
func (r *Rand) Perm(n int) []int
func (r *Rand) Shuffle(n int, swap func(i, j int))
func (r *Rand) Read(p []byte) (n int, err error)
func (r *Rand) NormFloat64() float64
func (r *Rand) ExpFloat64() float64
`,
  bufio: `package bufio
import "io"
//goconc:opaque
type Writer struct{}
func NewWriter(w io.Writer) *Writer
func NewWriterSize(w io.Writer, size int) *Writer
func (b *Writer) Write(p []byte) (nn int, err error)
func (b *Writer) WriteString(s string) (int, error)
func (b *Writer) WriteByte(c byte) error
func (b *Writer) WriteRune(r rune) (size int, err error)
func (b *Writer) Flush() error
func (b *Writer) Reset(w io.Writer)
func (b *Writer) ReadFrom(r io.Reader) (n int64, err error)
func (b *Writer) Size() int
func (b *Writer) Buffered() int
func (b *Writer) Available() int
//goconc:opaque
type Reader struct{}
func NewReader(rd io.Reader) *Reader
func NewReaderSize(rd io.Reader, size int) *Reader
func (b *Reader) Read(p []byte) (n int, err error)
func (b *Reader) ReadByte() (byte, error)
func (b *Reader) ReadRune() (r rune, size int, err error)
func (b *Reader) ReadString(delim byte) (string, error)
func (b *Reader) ReadBytes(delim byte) ([]byte, error)
func (b *Reader) ReadLine() (line []byte, isPrefix bool, err error)
func (b *Reader) ReadSlice(delim byte) (line []byte, err error)
func (b *Reader) Peek(n int) ([]byte, error)
func (b *Reader) Discard(n int) (discarded int, err error)
func (b *Reader) UnreadByte() error
func (b *Reader) Reset(r io.Reader)
func (b *Reader) Size() int
func (b *Reader) Buffered() int
//goconc:opaque
type Scanner struct{}
func NewScanner(r io.Reader) *Scanner
func (s *Scanner) Scan() bool
func (s *Scanner) Text() string
func (s *Scanner) Bytes() []byte
func (s *Scanner) Err() error
func (s *Scanner) Buffer(buf []byte, max int)
`,
  'os/exec': `package exec
import (
	"context"
	"io"
	"os"
)
//goconc:opaque
type Cmd struct { Path string; Args []string; Env []string; Dir string; Stdin io.Reader; Stdout io.Writer; Stderr io.Writer; Process *os.Process }
func Command(name string, arg ...string) *Cmd
func CommandContext(ctx context.Context, name string, arg ...string) *Cmd
func LookPath(file string) (string, error)
func (c *Cmd) Start() error
func (c *Cmd) Wait() error
func (c *Cmd) Run() error
func (c *Cmd) Output() ([]byte, error)
func (c *Cmd) CombinedOutput() ([]byte, error)
func (c *Cmd) StdoutPipe() (io.ReadCloser, error)
func (c *Cmd) StderrPipe() (io.ReadCloser, error)
func (c *Cmd) StdinPipe() (io.WriteCloser, error)
func (c *Cmd) String() string
`,
  hash: `package hash
import "io"
type Hash interface { io.Writer; Sum(b []byte) []byte; Reset(); Size() int; BlockSize() int }
type Hash32 interface { Hash; Sum32() uint32 }
type Hash64 interface { Hash; Sum64() uint64 }
`,
  'container/list': `package list
//goconc:opaque
type Element struct { Value any }
func (e *Element) Next() *Element
func (e *Element) Prev() *Element
//goconc:opaque
type List struct{}
func New() *List
func (l *List) Init() *List
func (l *List) Len() int
func (l *List) Front() *Element
func (l *List) Back() *Element
func (l *List) Remove(e *Element) any
func (l *List) PushFront(v any) *Element
func (l *List) PushBack(v any) *Element
func (l *List) InsertBefore(v any, mark *Element) *Element
func (l *List) InsertAfter(v any, mark *Element) *Element
func (l *List) MoveToFront(e *Element)
func (l *List) MoveToBack(e *Element)
func (l *List) MoveBefore(e, mark *Element)
func (l *List) MoveAfter(e, mark *Element)
`,
  'net/http/httputil': `package httputil
import (
	"net/http"
	"net/url"
)
//goconc:opaque
type ProxyRequest struct { In *http.Request; Out *http.Request }
func (r *ProxyRequest) SetURL(target *url.URL)
func (r *ProxyRequest) SetXForwarded()
//goconc:opaque
type ReverseProxy struct {
	Rewrite func(*ProxyRequest)
	Director func(*http.Request)
	Transport http.RoundTripper
	ModifyResponse func(*http.Response) error
	ErrorHandler func(http.ResponseWriter, *http.Request, error)
}
func NewSingleHostReverseProxy(target *url.URL) *ReverseProxy
func (p *ReverseProxy) ServeHTTP(rw http.ResponseWriter, req *http.Request)
func DumpRequest(req *http.Request, body bool) ([]byte, error)
func DumpResponse(resp *http.Response, body bool) ([]byte, error)
`,
  'encoding/hex': `package hex
func Encode(dst, src []byte) int
func Decode(dst, src []byte) (int, error)
func EncodeToString(src []byte) string
func DecodeString(s string) ([]byte, error)
func EncodedLen(n int) int
func DecodedLen(x int) int
`,
  'encoding/base64': `package base64
//goconc:opaque
type Encoding struct{}
var StdEncoding *Encoding
var URLEncoding *Encoding
var RawStdEncoding *Encoding
var RawURLEncoding *Encoding
func (enc *Encoding) Encode(dst, src []byte)
func (enc *Encoding) Decode(dst, src []byte) (n int, err error)
func (enc *Encoding) EncodeToString(src []byte) string
func (enc *Encoding) DecodeString(s string) ([]byte, error)
func (enc *Encoding) EncodedLen(n int) int
func (enc *Encoding) DecodedLen(n int) int
`,
  'encoding/binary': `package binary
type ByteOrder interface {
	Uint16([]byte) uint16
	Uint32([]byte) uint32
	Uint64([]byte) uint64
	PutUint16([]byte, uint16)
	PutUint32([]byte, uint32)
	PutUint64([]byte, uint64)
	String() string
}
type bigEndian struct{}
type littleEndian struct{}
var BigEndian bigEndian
var LittleEndian littleEndian
func (bigEndian) Uint16(b []byte) uint16
func (bigEndian) Uint32(b []byte) uint32
func (bigEndian) Uint64(b []byte) uint64
func (bigEndian) PutUint16(b []byte, v uint16)
func (bigEndian) PutUint32(b []byte, v uint32)
func (bigEndian) PutUint64(b []byte, v uint64)
func (bigEndian) String() string
func (littleEndian) Uint16(b []byte) uint16
func (littleEndian) Uint32(b []byte) uint32
func (littleEndian) Uint64(b []byte) uint64
func (littleEndian) PutUint16(b []byte, v uint16)
func (littleEndian) PutUint32(b []byte, v uint32)
func (littleEndian) PutUint64(b []byte, v uint64)
func (littleEndian) String() string
`,
  'crypto/rand': `package rand
func Read(b []byte) (n int, err error)
func Text() string
`,
  'crypto/sha256': `package sha256
import "hash"
const Size = 32
const BlockSize = 64
func New() hash.Hash
func Sum256(data []byte) [Size]byte
`,
  'encoding/json': `package json
import "io"
func Marshal(v any) ([]byte, error)
func MarshalIndent(v any, prefix, indent string) ([]byte, error)
func Unmarshal(data []byte, v any) error
//goconc:opaque
type Encoder struct{}
func NewEncoder(w io.Writer) *Encoder
func (enc *Encoder) Encode(v any) error
//goconc:opaque
type Decoder struct{}
func NewDecoder(r io.Reader) *Decoder
func (dec *Decoder) Decode(v any) error
`,
  maps: `package maps
func Clone[M ~map[K]V, K comparable, V any](m M) M
func Copy[M1 ~map[K]V, M2 ~map[K]V, K comparable, V any](dst M1, src M2)
func DeleteFunc[M ~map[K]V, K comparable, V any](m M, del func(K, V) bool)
func Equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool
`,
  slices: `package slices
func Sort[S ~[]E, E any](x S)
func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int)
func SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int)
func Reverse[S ~[]E, E any](s S)
func Clone[S ~[]E, E any](s S) S
func Contains[S ~[]E, E comparable](s S, v E) bool
func Index[S ~[]E, E comparable](s S, v E) int
func Equal[S ~[]E, E comparable](s1, s2 S) bool
`,
  'google.golang.org/grpc': `package grpc
import "net"
type ServerOption interface{}
type DialOption interface{}
type ServiceRegistrar interface { RegisterService(desc *ServiceDesc, impl any) }
//goconc:opaque
type ServiceDesc struct { ServiceName string; HandlerType any }
//goconc:opaque
type Server struct{}
func NewServer(opt ...ServerOption) *Server
func (s *Server) Serve(lis net.Listener) error
func (s *Server) Stop()
func (s *Server) GracefulStop()
func (s *Server) RegisterService(sd *ServiceDesc, ss any)
//goconc:opaque
type ClientConn struct{}
func (cc *ClientConn) Close() error
`,
};
