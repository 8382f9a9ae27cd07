"""A sender that uses send() where it needs sendall().

    lab-check sender -- python3 python/lab_check/short_write_sender.py {port}

send() returns how many bytes the kernel took, which may be fewer than it
was given; this sender does not look. On a fresh Linux machine the send
buffer holds megabytes and a 1 MiB send() usually goes whole, which is why
the bug hides. Here the buffer is made small (SO_SNDBUF, as on a busy or
small machine) and the socket has a timeout, so send() makes one attempt
and returns what fitted.
"""
import socket
import struct
import sys

messages = [bytes.fromhex(line.strip()) for line in sys.stdin]
sock = socket.socket()
sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 16384)
sock.connect(("127.0.0.1", int(sys.argv[1])))
sock.settimeout(5)
for data in messages:
    sock.send(struct.pack("!I", len(data)) + data)   # BUG: the count send() returns is ignored
sock.close()
