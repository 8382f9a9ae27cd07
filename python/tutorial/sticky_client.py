# 粘包 — the tutorial's example (【一】): A sends B two messages, each with its
# own send. BUGS KEPT, marked "BUG:". Corrected: ../fixed/frame_client.py.
#
#   python3 python/tutorial/sticky_client.py 9000
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
client = socket.socket()
client.connect(("127.0.0.1", port))
client.send("下雨天留客天留人".encode("utf8"))   # BUG: nothing marks where this message ends,
client.send("不留".encode("utf8"))               # BUG: and send() may take only part of it
client.close()
