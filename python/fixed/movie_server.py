# The tutorial's exercise (【三】练习), corrected: the video server. It speaks
# the lab's transfer protocol (docs/transfer.md), so transfer-client — or
# movie_client.py beside it — can download from it. Beside
# ../tutorial/movie_server.py:
#   - every control message is a frame ("!I" length, then JSON), never pickle;
#   - a request is read exactly, as a frame: "12" cannot arrive as "1" and "2";
#   - a file goes out in 64 KiB chunks with sendall after an 8-byte "!Q"
#     length, never whole in memory, and its CRC-32 follows;
#   - only regular files with plain names are offered, and only those are served;
#   - one thread per client, and a deadline on every read and write.
# Resuming (a request with "offset" above 0) is served as the protocol says.
#
#   python3 python/fixed/movie_server.py 9696 server_movie
#   cargo run -q -p transfer --bin transfer-client -- --connect 127.0.0.1:9696 --out client_movie
import json
import os
import socket
import struct
import sys
import threading
import zlib

MAX_REQUEST = 64 * 1024          # a request is a line of JSON: more is a broken client
CHUNK = 64 * 1024


def recv_exactly(sock, n):
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(min(CHUNK, n - len(data)))
        if not chunk:
            raise ConnectionError(f"closed after {len(data)} of {n} bytes")
        data += chunk
    return bytes(data)


def send_frame(sock, message):
    data = json.dumps(message).encode("utf8")
    sock.sendall(struct.pack("!I", len(data)) + data)


def recv_request(sock):
    """The next request as a dict, or None if the client closed between two."""
    first = sock.recv(1)
    if not first:
        return None
    (n,) = struct.unpack("!I", first + recv_exactly(sock, 3))
    if n > MAX_REQUEST:
        raise ValueError(f"a request of {n} bytes is more than {MAX_REQUEST}")
    return json.loads(recv_exactly(sock, n))


def plain(name):
    """A name a client can save: no folder in it, not hidden, no control characters."""
    return (name and "/" not in name and "\\" not in name and not name.startswith(".")
            and ":" not in name and name.isprintable() and len(name.encode("utf8")) <= 250)


def catalogue(folder):
    files = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if plain(name) and os.path.isfile(path) and not os.path.islink(path):
            files.append({"name": name, "size": os.path.getsize(path)})
    return files


def crc32_of(path):
    crc = 0
    with open(path, "rb") as fp:
        while chunk := fp.read(CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def serve(conn, folder):
    with conn:
        conn.settimeout(60)                                # no read or write waits forever
        files = {f["name"]: f for f in catalogue(folder)}
        send_frame(conn, {"files": list(files.values())})
        while True:
            request = recv_request(conn)
            if request is None or request == {"quit": True}:
                return
            name, offset = request.get("get"), request.get("offset", 0)
            if set(request) - {"get", "offset"} or not isinstance(name, str) \
                    or not isinstance(offset, int) or offset < 0:
                send_frame(conn, {"error": 'expected {"get": NAME, "offset": N} or {"quit": true}'})
                return
            entry = files.get(name)
            if entry is None or offset > entry["size"]:
                send_frame(conn, {"error": f"no file named {name!r} from byte {offset}"})
                continue
            path = os.path.join(folder, name)
            size = entry["size"]
            send_frame(conn, {"name": name, "size": size, "offset": offset, "len": size - offset})
            conn.sendall(struct.pack("!Q", size - offset))    # "!Q": a film may pass 4 GiB
            with open(path, "rb") as fp:
                fp.seek(offset)
                left = size - offset
                while left:
                    chunk = fp.read(min(CHUNK, left))
                    if not chunk:
                        raise ConnectionError(f"{name} became shorter while it was sent")
                    conn.sendall(chunk)
                    left -= len(chunk)
            send_frame(conn, {"crc32": crc32_of(path)})       # of the whole file, offset or not


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9696
    folder = sys.argv[2] if len(sys.argv) > 2 else "server_movie"
    server = socket.create_server(("127.0.0.1", port))
    print(f"movie_server.py: sharing {folder}; listening on 127.0.0.1:{port}",
          file=sys.stderr, flush=True)
    while True:
        conn, addr = server.accept()
        threading.Thread(target=serve, args=(conn, folder), daemon=True).start()


if __name__ == "__main__":
    main()
