"""A receiver that counts right but reads the length in native byte order.

    lab-check receiver -- python3 python/lab_check/native_order_receiver.py {port}

receiver.py with the tutorial's "i" instead of "!I": on a PC (little-endian)
the header 00 10 00 00 of a 1 MiB message reads as 4096.
"""
import socket
import struct
import sys


def recv_exactly(sock, n):
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(min(65536, n - len(data)))
        if not chunk:
            break
        data += chunk
    return bytes(data)


with socket.create_connection(("127.0.0.1", int(sys.argv[1]))) as sock:
    while True:
        head = recv_exactly(sock, 4)
        if not head:
            break
        (n,) = struct.unpack("i", head)   # BUG: "i" is the machine's byte order, and signed
        data = recv_exactly(sock, n)
        if len(data) < n:
            sys.exit(f"the stream ended {len(data)} bytes into a {n}-byte message")
        print(data.hex(), flush=True)
