"""A sender that lab-check passes: each stdin line is a message, in hex.

    lab-check sender -- python3 python/lab_check/sender.py {port}

Reads its stdin (one line of hex per message; an empty line is an empty
message), connects to 127.0.0.1:PORT, sends each message as a frame (a
4-byte big-endian length, then the bytes) with one sendall, and closes.
Standard library only, Python 3.8 or later.
"""
import socket
import struct
import sys


def main():
    port = int(sys.argv[1])
    messages = [bytes.fromhex(line.strip()) for line in sys.stdin]
    with socket.create_connection(("127.0.0.1", port)) as sock:
        for data in messages:
            # sendall: send() may take only part of what it is given.
            sock.sendall(struct.pack("!I", len(data)) + data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
