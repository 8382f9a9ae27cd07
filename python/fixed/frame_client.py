# 粘包, corrected: the two messages of the tutorial's example, each as a frame
# (a 4-byte big-endian length, then the bytes). The tutorial's version is
# ../tutorial/sticky_client.py; docs/fixed.md ("From Python") quotes this file.
#
#   cargo run -q -p fixed --bin fixed-server -- --listen 127.0.0.1:9000
#   python3 python/fixed/frame_client.py 9000
import socket, struct, sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
with socket.create_connection(("127.0.0.1", port)) as sock:
    for text in ["下雨天留客天留人", "不留"]:
        data = text.encode("utf8")
        # one call per frame: a 4-byte big-endian unsigned length, then the bytes
        sock.sendall(struct.pack("!I", len(data)) + data)
