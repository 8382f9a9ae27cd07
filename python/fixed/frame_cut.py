# Not a fix: a sender that closes inside a frame on purpose, to show what a
# correct receiver reports then. docs/fixed.md quotes this file.
#
#   cargo run -q -p fixed --bin fixed-server -- --listen 127.0.0.1:9000
#   python3 python/fixed/frame_cut.py 9000
import socket, struct, sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
data = "下雨天留客天留人".encode("utf8")
with socket.create_connection(("127.0.0.1", port)) as sock:
    sock.sendall((struct.pack("!I", len(data)) + data)[:14])   # the header and 10 of 24 bytes
