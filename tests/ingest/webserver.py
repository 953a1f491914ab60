"""A web server on 127.0.0.1 for the readers that fetch URLs; it never leaves the machine."""
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0


@dataclass
class LocalServer:
    """Serves `routes[path]` (a list of replies, one per request, the last repeated) and logs requests."""

    base: str
    routes: dict[str, list[Reply]] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def next_reply(self, path: str) -> Reply:
        replies = self.routes.get(path) or [Reply(404, b"not here")]
        return replies.pop(0) if len(replies) > 1 else replies[0]


def _handler(server: LocalServer):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            server.requests.append((self.path, self.headers.get("User-Agent", "")))
            reply = server.next_reply(self.path)
            time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, *args):
            pass

    return Handler


def start_server() -> tuple[LocalServer, ThreadingHTTPServer]:
    """A server on a free port of 127.0.0.1, answering from its own thread."""
    holder = LocalServer(base="")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(holder))
    httpd.daemon_threads = True
    holder.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    return holder, httpd
