# 粘包 — the tutorial's example (【一】) as the program everybody writes first.
# BUGS KEPT, marked "BUG:". The tutorial gives no code for this part: A sends
# B "下雨天留客天留人" and then "不留", and B reads "下雨天留客天留人不留".
# This is B: it takes one recv for one message. Corrected: ../fixed/frame_server.py.
#
#   python3 python/tutorial/sticky_server.py 9000
#   python3 python/tutorial/sticky_client.py 9000
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
server = socket.socket()
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
first = conn.recv(1024)      # BUG: one recv is not one message: it returns whatever is queued,
second = conn.recv(1024)     # BUG: both messages glued (粘包), or part of one (半包)
print("message 1:", first.decode("utf8"))    # BUG: a cut character raises UnicodeDecodeError
print("message 2:", second.decode("utf8"))
conn.close()
server.close()
