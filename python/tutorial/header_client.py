# The tutorial's fix (【二】解决粘包问题, 接收大数据文件): the client. BUGS KEPT,
# marked "BUG:". Each statement on its own line, the port taken from the
# command line (the tutorial's is 5656), and one line more at the end, which
# says how much arrived. Corrected: ../fixed/header_client.py.
#
#   python3 python/tutorial/header_client.py 5656
import socket
import struct
import sys

client = socket.socket()
client.connect(("localhost", int(sys.argv[1])))          # header_client.py, was 5656
head = client.recv(4)                                    # BUG: may return 1 to 3 bytes
total = struct.unpack("i", head)[0]                      # BUG: native byte order, signed
have = 0
data = bytes()                                           # BUG: bytes += copies it all each time
while have < total:
    data += client.recv(1024)                            # BUG: recv returns at most 1024, often fewer,
    have += 1024                                         # BUG: yet 1024 is counted
print(len(data), "of", total, "bytes;", data.decode("utf8").count("重要信息"), "times 重要信息")
client.close()
