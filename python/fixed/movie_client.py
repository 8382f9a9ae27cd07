# The tutorial's exercise (【三】练习), corrected: the video client. It speaks
# the lab's transfer protocol (docs/transfer.md), so it downloads from
# transfer-server — or from movie_server.py beside it. Beside
# ../tutorial/movie_client.py:
#   - the menu is a frame of JSON, read exactly: any size, any cut, no pickle;
#   - the choice goes out as a request frame, {"get": NAME, "offset": 0};
#   - the offer and the 8-byte "!Q" length are checked against the menu;
#   - the file is streamed to NAME.part in 64 KiB steps, counted by what each
#     recv returned, its CRC-32 checked, and only then renamed to NAME;
#   - a name with a folder in it, or hidden, is never saved.
# Not done here: resuming an interrupted download (transfer-client --resume does).
#
#   cargo run -q -p transfer --bin transfer-server -- --dir server_movie
#   python3 python/fixed/movie_client.py 9696 client_movie
import json
import os
import socket
import struct
import sys
import zlib

CHUNK = 64 * 1024


def recv_exactly(sock, n):
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(min(CHUNK, n - len(data)))
        if not chunk:
            raise ConnectionError(f"the server closed after {len(data)} of {n} bytes")
        data += chunk
    return bytes(data)


def recv_frame(sock, limit=8 * 1024 * 1024):
    (n,) = struct.unpack("!I", recv_exactly(sock, 4))
    if n > limit:
        raise ValueError(f"the server announced a message of {n} bytes")
    message = json.loads(recv_exactly(sock, n))
    if "error" in message:
        raise RuntimeError(f"the server says: {message['error']}")
    return message


def send_frame(sock, message):
    data = json.dumps(message).encode("utf8")
    sock.sendall(struct.pack("!I", len(data)) + data)


def plain(name):
    return (name and "/" not in name and "\\" not in name and not name.startswith(".")
            and ":" not in name and name.isprintable())


def download(sock, entry, folder):
    name = entry["name"]
    send_frame(sock, {"get": name, "offset": 0})
    offer = recv_frame(sock, 64 * 1024)
    if offer != {"name": name, "size": entry["size"], "offset": 0, "len": entry["size"]}:
        raise ValueError(f"the offer {offer} does not match the menu's {entry}")
    (total,) = struct.unpack("!Q", recv_exactly(sock, 8))
    if total != offer["len"]:
        raise ValueError(f"the body is {total} bytes, the offer said {offer['len']}")
    part = os.path.join(folder, name + ".part")
    crc, have = 0, 0
    print(f"正在下载{name}")
    with open(part, "wb") as fp:
        while have < total:
            chunk = sock.recv(min(CHUNK, total - have))   # only what is still missing
            if not chunk:
                raise ConnectionError(f"the server closed after {have} of {total} bytes")
            fp.write(chunk)
            crc = zlib.crc32(chunk, crc)
            have += len(chunk)                             # what came, not what was asked
            done = int(30 * have / total)
            print(f"\r[{'=' * done}{'-' * (30 - done)}] {100 * have / total:.2f}% Complete",
                  end="", flush=True)
    expected = recv_frame(sock, 64 * 1024)["crc32"]
    if crc != expected:
        raise ValueError(f"CRC-32 {crc:08x}, the server's is {expected:08x}: {part} kept")
    os.replace(part, os.path.join(folder, name))
    print(f"\n{name} 保存成功 (CRC-32 {crc:08x})")


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9696
    folder = sys.argv[2] if len(sys.argv) > 2 else "client_movie"
    os.makedirs(folder, exist_ok=True)
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        files = [f for f in recv_frame(sock)["files"] if plain(f["name"])]
        while True:
            print("可以从服务端拿到的资源信息如下:")
            for number, entry in enumerate(files, start=1):
                print(f"编号【{number}】 资源信息:{entry['name']} ({entry['size']} B)")
            try:
                choice = input("根据编号进行资源选择(Q/q:退出):>>>").strip()
            except EOFError:
                choice = "q"
            if choice.lower() == "q":
                send_frame(sock, {"quit": True})
                return 0
            if choice not in [str(i) for i in range(1, len(files) + 1)]:
                print("输入有误,请重新检查")
                continue
            download(sock, files[int(choice) - 1], folder)


if __name__ == "__main__":
    sys.exit(main())
