# The tutorial's fix (【二】, 接收大数据文件), corrected: the client. Beside
# ../tutorial/header_client.py, line for line where it can be:
#   - recv_exactly: counts what each recv returned, asks only for what is
#     missing, and treats b"" (the sender closed) inside a message as an error;
#   - the header read exactly (no half header) and unpacked with "!I";
#   - bytearray, so that reading n bytes costs n, not n squared.
# It reads every message until the server closes, and prints the same line
# as the tutorial's client for each.
#
#   python3 python/fixed/header_client.py 5656
import socket
import struct
import sys

def recv_exactly(sock, n):
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(min(1024, n - len(data)))   # may return fewer bytes than asked for
        if not chunk:                                 # b"": the sender closed the connection
            raise ConnectionError(f"closed after {len(data)} of {n} bytes")
        data += chunk                                 # count what came, not what was asked
    return bytes(data)

client = socket.create_connection(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 5656))
while True:
    first = client.recv(1)                            # b"" here: closed between two messages
    if not first:
        break
    total = struct.unpack("!I", first + recv_exactly(client, 3))[0]
    data = recv_exactly(client, total)
    print(len(data), "of", total, "bytes;", data.decode("utf8").count("重要信息"), "times 重要信息")
client.close()
