"""serve: the local web app and JSON API over a store (read-only)."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from typing import TYPE_CHECKING

from newsgraph.cli import UserError, add_db

if TYPE_CHECKING:
    import socket


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="explore the store in a web browser (read-only)",
                       description="Serve pages (overview, articles, people, quotations search, timeline, map) "
                                   "and a JSON API under /api (documented at /docs) over the store, opened "
                                   "read-only. Bound to this machine (127.0.0.1) unless --host says otherwise.")
    add_db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    p.add_argument("--timeout-ms", type=int, default=3000,
                   help="stop any query after this many milliseconds with a 503 page (default: %(default)s)")
    p.set_defaults(func=cmd_serve)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from newsgraph.web import create_app

    if not 0 < args.port < 65536:
        raise UserError(f"--port {args.port}: give a port between 1 and 65535")
    if args.timeout_ms < 1:
        raise UserError("--timeout-ms must be at least 1")
    app = create_app(args.db, timeout_ms=args.timeout_ms)  # StoreError (missing, foreign db) → one line, exit 2
    if not is_loopback(args.host):
        print(f"newsgraph: warning: listening on {args.host}: anyone who can reach this address can read the store",
              file=sys.stderr)
    sock = bind(args.host, args.port)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"newsgraph: serving {args.db} (read-only) at http://{shown}:{args.port}/  — Ctrl-C to stop",
          file=sys.stderr)
    server = uvicorn.Server(uvicorn.Config(app, host=args.host, port=args.port, log_level="warning"))
    server.run(sockets=[sock])
    return 0


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so a busy port is one clear line rather than a server log."""
    import socket  # here: the other commands never need it
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UserError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); try another --port") from exc
    return sock
