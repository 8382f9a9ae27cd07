"""The tutorial's receiving loop, in lab-check's format. Bugs kept.

    lab-check receiver -- python3 python/lab_check/tutorial_receiver.py {port}

The loop of the tutorial's client (【二】, 接收大数据文件), repeated for every
message and printing each as hex. One thing is changed so that lab-check's
frames parse at all: the header is read with "!I", not the tutorial's "i"
(native_order_receiver.py keeps "i"). What is left is the counting.
"""
import socket
import struct
import sys

client = socket.socket()
client.connect(("127.0.0.1", int(sys.argv[1])))
while True:
    head = client.recv(4)               # BUG: recv(4) may return 1 to 3 bytes (half a header)
    total = struct.unpack("!I", head)[0]  # struct.error on b"" at the end, or on half a header
    have = 0
    data = bytes()
    while have < total:
        data += client.recv(1024)       # BUG: recv(1024) returns at most 1024 bytes, often fewer,
        have += 1024                    # BUG: yet 1024 is counted, whatever came
    print(data.hex(), flush=True)
