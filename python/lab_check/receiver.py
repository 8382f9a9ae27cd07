"""A receiver that lab-check passes: read exact frames, print each as hex.

    lab-check receiver -- python3 python/lab_check/receiver.py {port}

Connects to 127.0.0.1:PORT, reads frames (a 4-byte big-endian length,
then that many bytes) until the sender closes between two frames, and
prints each message as one line of lowercase hex. Standard library only,
Python 3.8 or later. Copy it as the start of your own.
"""
import socket
import struct
import sys


def recv_exactly(sock, n):
    """n bytes, or fewer only if the sender closed the connection first."""
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(min(65536, n - len(data)))  # at most what is missing
        if not chunk:                                 # b"": the sender closed
            break
        data += chunk                                 # count what came
    return bytes(data)


def main():
    port = int(sys.argv[1])
    with socket.create_connection(("127.0.0.1", port)) as sock:
        while True:
            head = recv_exactly(sock, 4)
            if not head:                    # closed between two frames: done
                return 0
            if len(head) < 4:
                sys.exit(f"the stream ended {len(head)} bytes into a length header")
            (n,) = struct.unpack("!I", head)  # network byte order, unsigned
            data = recv_exactly(sock, n)
            if len(data) < n:
                sys.exit(f"the stream ended {len(data)} bytes into a {n}-byte message")
            print(data.hex(), flush=True)     # an empty message is an empty line


if __name__ == "__main__":
    sys.exit(main())
