# The tutorial's fix (【二】解决粘包问题, 接收大数据文件): the server. BUGS KEPT,
# marked "BUG:". Each statement on its own line, and the port taken from the
# command line (the tutorial's is 5656). Corrected: ../fixed/header_server.py.
#
#   python3 python/tutorial/header_server.py 5656
#   python3 python/tutorial/header_client.py 5656
import socket
import struct
import sys

server = socket.socket()
server.bind(("localhost", int(sys.argv[1])))             # header_server.py, was 5656
server.listen(5)
conn, addr = server.accept()
big_data = "重要信息" * 110
data_size = len(big_data.encode("utf8"))
data_size_struct = struct.pack("i", data_size)           # BUG: "i" is native byte order, and signed
conn.send(data_size_struct)                              # BUG: send() may take only part; and two
conn.send(big_data.encode("utf8"))                       #      writes meet Nagle's 40 ms wait
conn.close()
server.close()
