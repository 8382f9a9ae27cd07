# The tutorial's fix (【二】, 接收大数据文件), corrected: the server. Beside
# ../tutorial/header_server.py, line for line where it can be:
#   - the length as "!I": network byte order, unsigned, the same on every machine;
#   - header and data in one sendall: every byte is sent, and the two never wait
#     for each other (Nagle's 40 ms);
#   - then a second message, "下雨天留客天留人", to show where the first one ends.
#
#   python3 python/fixed/header_server.py 5656
#   python3 python/fixed/header_client.py 5656
import socket
import struct
import sys

def send_frame(conn, data):
    conn.sendall(struct.pack("!I", len(data)) + data)

server = socket.create_server(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 5656))
conn, addr = server.accept()
big_data = ("重要信息" * 110).encode("utf8")               # 1320 bytes
send_frame(conn, big_data)
send_frame(conn, "下雨天留客天留人".encode("utf8"))
conn.close()
server.close()
