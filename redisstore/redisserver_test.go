package redisstore_test

import (
	"context"
	"net"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// redisServer is a redis-server process of the test's own, on a free
// loopback port, for tests that must pause, stop or kill Redis: never do
// that to the shared one at REDIS_ADDR. Without the redis-server binary the
// test skips, except in CI (CI=true), where it fails.
type redisServer struct {
	Addr string
	cmd  *exec.Cmd
}

// startRedisServer starts one, stopped (by its PID) when the test ends.
// Nothing is persisted.
func startRedisServer(t *testing.T) *redisServer {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		skipOrFail(t, "no redis-server binary on PATH (apt-get install redis-server)")
	}
	var lastErr error
	for range 5 {
		port, err := freePort()
		if err != nil {
			t.Fatal(err)
		}
		addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		cmd := exec.Command(bin, "--bind", "127.0.0.1", "--port", strconv.Itoa(port),
			"--save", "", "--appendonly", "no", "--dir", t.TempDir(), "--loglevel", "warning")
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		s := &redisServer{Addr: addr, cmd: cmd}
		if lastErr = s.waitReady(5 * time.Second); lastErr == nil {
			t.Cleanup(s.stop)
			return s
		}
		s.stop() // the port was taken between freePort and the start
	}
	t.Fatalf("redis-server did not start: %v", lastErr)
	return nil
}

// freePort returns a loopback port nothing listens on right now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// waitReady waits until the server answers PING.
func (s *redisServer) waitReady(limit time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	var err error
	for ctx.Err() == nil {
		if err = s.ping(ctx); err == nil {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return err
}

// ping sends an inline PING and expects +PONG, without a client library.
func (s *redisServer) ping(ctx context.Context) error {
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(time.Second))
	if _, err := c.Write([]byte("PING\r\n")); err != nil {
		return err
	}
	buf := make([]byte, 7)
	n, err := c.Read(buf)
	if err != nil {
		return err
	}
	if string(buf[:n]) != "+PONG\r\n" {
		return &net.AddrError{Err: "unexpected reply " + strconv.Quote(string(buf[:n])), Addr: s.Addr}
	}
	return nil
}

// Pause stops the process (SIGSTOP): connections stay open, nothing is
// answered. Resume continues it (SIGCONT).
func (s *redisServer) Pause(t testing.TB) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
}

func (s *redisServer) Resume(t testing.TB) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
}

func (s *redisServer) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGCONT) // a paused process would not die of SIGTERM
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
}
