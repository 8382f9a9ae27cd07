# 粘包, corrected: a receiver that reads frames exactly and prints each
# message with its length. The tutorial's version is ../tutorial/sticky_server.py;
# docs/fixed.md ("From Python") quotes this file.
#
#   python3 python/fixed/frame_server.py 9000
#   cargo run -q -p fixed --bin fixed-client -- --connect 127.0.0.1:9000
import socket, struct, sys

def recv_exactly(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))    # may return fewer bytes than asked for
        if not chunk:                       # b"": the sender closed the connection
            break
        data += chunk
    return data                             # n bytes, or fewer if the sender closed

port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
conn, addr = socket.create_server(("127.0.0.1", port)).accept()
while head := recv_exactly(conn, 4):        # b"": closed between two frames, fine
    (n,) = struct.unpack("!I", head)        # struct.error: closed inside a header
    data = recv_exactly(conn, n)
    if len(data) < n:
        raise EOFError(f"the stream ended {len(data)} bytes into a {n}-byte message")
    print(n, data.decode("utf8"))
