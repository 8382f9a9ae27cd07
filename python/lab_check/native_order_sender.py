"""A sender that packs the length with the tutorial's struct.pack("i").

    lab-check sender -- python3 python/lab_check/native_order_sender.py {port}

sender.py with "i" instead of "!I": on a PC the length 1048576 goes out as
00 00 10 00, which a network-order reader takes for 4096.
"""
import socket
import struct
import sys

messages = [bytes.fromhex(line.strip()) for line in sys.stdin]
with socket.create_connection(("127.0.0.1", int(sys.argv[1]))) as sock:
    for data in messages:
        sock.sendall(struct.pack("i", len(data)) + data)   # BUG: native byte order
